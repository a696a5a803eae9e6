// The portal's name for the shared service context (see @homeward/runtime).
export { orRefuse, serviceContext as familyContext } from "@homeward/runtime";
