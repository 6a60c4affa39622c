// This app process among several behind one proxy (issue 19.2): a random name made at start, shown
// by the health endpoints so an operator (and the two-instance test) can tell instances apart.
// Random on purpose: no host name or process id on a public address.
import { randomBytes } from "node:crypto";

export const instanceId: string = randomBytes(6).toString("hex");
