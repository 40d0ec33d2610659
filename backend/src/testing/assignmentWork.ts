import type { Sequelize } from "sequelize";
import type { Assignment } from "@groundwork/shared-types";
import type { ApiClient } from "./testApp.js";
import { jobsSettled, until } from "./until.js";

/** Waits until Start work has settled (started or failed), and answers the assignment then. */
export const workStarted = (client: ApiClient, id: string) =>
  until(
    "the work to start",
    async () => {
      const a = (await client.get(`/api/assignments/${id}`)).body as Assignment;
      return a.work?.state !== "starting" && a;
    },
    30_000,
  );

/** Waits for an edit's update of the host to have run. */
export const workUpdated = (sequelize: Sequelize) => jobsSettled(sequelize, "the work's update", "assignment.update-work");

/** The branch Start work makes for an assignment: its key, then its title's words. */
export const branchOf = (a: Assignment) => `${a.key.toLowerCase()}-${a.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
