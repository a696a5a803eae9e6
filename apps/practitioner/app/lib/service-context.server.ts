// The practitioner app's name for the shared service context (see @homeward/runtime).
export { orRefuse, serviceContext as staffContext } from "@homeward/runtime";
