import { isRecord, readJsonFile, serialQueue, writeJsonFile } from './jsonFile'

/** The app's preferences, in settings.json in the user-data folder. */

export const themes = ['system', 'light', 'dark'] as const
/** View > Theme: follow the OS, or always light or dark (Electron's nativeTheme.themeSource). */
export type Theme = (typeof themes)[number]

export interface Settings {
  /** View > Theme. */
  theme: Theme
}

export const defaultSettings: Settings = { theme: 'system' }

/** Settings from disk; anything unknown or wrong falls back to its default. */
export function parseSettings(value: unknown): Settings {
  if (!isRecord(value)) return { ...defaultSettings }
  const theme = themes.find((t) => t === value.theme) ?? defaultSettings.theme
  return { theme }
}

export class SettingsStore {
  private settings: Settings = { ...defaultSettings }
  private readonly queue = serialQueue()

  constructor(
    readonly file: string,
    private readonly onProblem: (message: string) => void = () => undefined
  ) {}

  async load(): Promise<Settings> {
    const read = await readJsonFile(this.file)
    if (!read.ok && !read.missing) this.onProblem(`Settings ignored: ${read.problem}`)
    this.settings = read.ok ? parseSettings(read.value) : { ...defaultSettings }
    return this.get()
  }

  get(): Settings {
    return { ...this.settings }
  }

  update(patch: Partial<Settings>): Promise<void> {
    this.settings = { ...this.settings, ...patch }
    const snapshot = this.get()
    return this.queue(async () => {
      try {
        await writeJsonFile(this.file, snapshot)
      } catch (err) {
        this.onProblem(`Could not save settings to ${this.file}: ${err instanceof Error ? err.message : String(err)}`)
      }
    })
  }
}
