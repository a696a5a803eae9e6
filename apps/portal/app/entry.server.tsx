// Both apps render the same way (CSP nonce on every script): see @homeward/ui/entry-server.
export { default, streamTimeout } from "@homeward/ui/entry-server";
