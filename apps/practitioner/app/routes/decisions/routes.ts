// The decisions pages' routes (file paths are relative to app/).
import type { RouteConfigEntry } from "@react-router/dev/routes";

export default [] satisfies RouteConfigEntry[];
