import { DataTypes, type InferAttributes, type InferCreationAttributes, type Model, type Sequelize } from "sequelize";

export type Attrs<M extends Model> = InferAttributes<M>;
export type Creation<M extends Model> = InferCreationAttributes<M>;

export const uuidPk = { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 };

/** Every table: snake_case columns, created_at and updated_at kept by sequelize. */
export const tableOptions = (sequelize: Sequelize) => (tableName: string) => ({ sequelize, tableName, underscored: true, timestamps: true });
