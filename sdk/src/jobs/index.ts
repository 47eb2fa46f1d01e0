// Job helpers: the live job stream client (ordered events, resume from the last seq), the options
// of client.waitForJob, and the generated event types of spec/asyncapi/job-stream.yaml and
// miner-feed.yaml.
export {
  streamJobEvents,
  jobStreamUrl,
  STREAM_CLOSE_CODES,
  type JobEvent,
  type JobStream,
  type JobStreamOptions,
  type JobStatusEvent,
  type JobProgressEvent,
  type JobResultEvent,
  type WebSocketLike,
  type WebSocketFactory,
} from "./job-stream.js";
export { type WaitForJobOptions, type JobResults } from "./wait-for-job.js";
export type * as JobStreamEvents from "../gen/events/job-stream.gen.js";
export type * as MinerFeedEvents from "../gen/events/miner-feed.gen.js";
