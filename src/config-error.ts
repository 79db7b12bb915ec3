/** A bad setting: the message names the variable, and the server refuses to start. */
export class ConfigError extends Error {}
