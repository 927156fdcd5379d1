/**
 * Local emulators of the platforms Hookline publishes to, one small HTTP server each, following each
 * platform's documented protocol (endpoints, required fields, chunk rules, state changes, limits and error
 * shapes). They record every post so tests and dry runs can check that each clip went out exactly once,
 * and they inject 429s, 5xx answers and dropped connections on demand. No platform offers a public
 * sandbox that posts, so these are what the publishers are tested against.
 */
package io.hookline.publish.emulator;
