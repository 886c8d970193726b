import type { FuseConfig } from '@electron/fuses'

export declare const orgboardFuses: FuseConfig
export declare function flipOrgboardFuses(pathToElectron: string): Promise<Awaited<ReturnType<typeof import('@electron/fuses').getCurrentFuseWire>>>
