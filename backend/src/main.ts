import { runGroundwork } from "./run.js";

void runGroundwork();
