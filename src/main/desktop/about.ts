/** The About dialog's text (Windows and Linux; macOS shows its own panel from the same facts). */

export interface AboutFacts {
  appName: string
  version: string
  electron: string
  chrome: string
  node: string
  platform: string
  /** Where the main process logs errors. */
  logFile: string
}

export function aboutMessage(facts: AboutFacts): string {
  return `${facts.appName} ${facts.version}`
}

export function aboutDetail(facts: AboutFacts): string {
  return [
    'A desktop whiteboard for org-design workshops.',
    '',
    `Electron ${facts.electron} · Chromium ${facts.chrome} · Node ${facts.node} · ${facts.platform}`,
    '',
    'If something goes wrong, attach the log file to your bug report:',
    facts.logFile
  ].join('\n')
}
