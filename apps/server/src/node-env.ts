// React (and other libraries) choose their development or production build from NODE_ENV
// when they are first imported. Unset, React's server renderer runs its development build,
// which checks every element and property and renders several times slower. The host serves
// the apps' production builds in every mode but development, so React must match: this
// module is imported first, before anything that loads React, and never overrides a value
// that was set on purpose (vitest sets "test").
if (process.env.NODE_ENV === undefined) {
  process.env.NODE_ENV = process.env.HOMEWARD_ENV === "development" ? "development" : "production";
}

export {};
