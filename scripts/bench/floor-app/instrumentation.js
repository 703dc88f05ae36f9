// Turbopack looks for an instrumentation hook up to the project's root and would otherwise
// build the product's one into the floor app: this empty hook is the floor's own.
export function register() {}
