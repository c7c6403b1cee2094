export const REPO_ROOT: string
export const SERVER_BUNDLE: string
export const SERVER_BUNDLE_META: string
export function serverBuildIsStale(root?: string): boolean
export function ensureServerBuilt(root?: string, log?: (line: string) => void): Promise<void>
