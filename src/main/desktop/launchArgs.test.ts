import { describe, expect, it } from 'vitest'
import { parseLaunchArgs, readSecondLaunch, secondLaunchData, type ArgContext } from './launchArgs'

const linux: ArgContext = { cwd: '/home/facilitator/workshops', platform: 'linux', defaultApp: false }
const packaged = (...args: string[]): string[] => ['/opt/Orgboard/orgboard', ...args]

describe('parseLaunchArgs', () => {
  it('opens nothing when started without arguments', () => {
    expect(parseLaunchArgs(packaged(), linux)).toEqual({ files: [], userDataDir: null, ignored: [] })
  })

  it('resolves board paths against the working directory, in order, each once', () => {
    const args = parseLaunchArgs(
      packaged('Harbour & Pine.orgboard', '/srv/boards/Q3 walls.ORGBOARD', './Harbour & Pine.orgboard', '../old/Seedlings.orgboard'),
      linux
    )
    expect(args.files).toEqual([
      '/home/facilitator/workshops/Harbour & Pine.orgboard',
      '/srv/boards/Q3 walls.ORGBOARD',
      '/home/facilitator/old/Seedlings.orgboard'
    ])
  })

  it('finds a board among flags and other arguments, and says what it did not open', () => {
    const args = parseLaunchArgs(
      packaged('--no-sandbox', '--enable-logging=stderr', 'notes.txt', '-psn_0_98328', 'Freight trains.orgboard', 'https://example.com/x.orgboard'),
      linux
    )
    expect(args.files).toEqual(['/home/facilitator/workshops/Freight trains.orgboard'])
    expect(args.ignored).toEqual(['notes.txt', 'https://example.com/x.orgboard'])
  })

  it('skips the app path when started as `electron <app>` (development, Playwright)', () => {
    const argv = ['/repo/node_modules/electron/dist/electron', '--inspect=0', '--remote-debugging-port=0', '/repo/out/main/index.js', 'map.orgboard']
    expect(parseLaunchArgs(argv, { ...linux, defaultApp: true }).files).toEqual(['/home/facilitator/workshops/map.orgboard'])
    // The same argv from a packaged app would treat index.js as an argument (not a board, so ignored).
    expect(parseLaunchArgs(argv, linux).ignored).toEqual(['/repo/out/main/index.js'])
  })

  it('reads a separate profile from --user-data-dir=<folder>', () => {
    expect(parseLaunchArgs(packaged('--user-data-dir=profiles/test'), linux).userDataDir).toBe('/home/facilitator/workshops/profiles/test')
    expect(parseLaunchArgs(packaged('--user-data-dir='), linux).userDataDir).toBeNull()
    // The value must be attached: a flag never swallows the next argument, which stays a board.
    const separate = parseLaunchArgs(packaged('--user-data-dir', 'a.orgboard'), linux)
    expect(separate).toMatchObject({ userDataDir: null, files: ['/home/facilitator/workshops/a.orgboard'] })
  })

  it('treats everything after -- as a file, even names that start with a dash', () => {
    expect(parseLaunchArgs(packaged('--', '-draft.orgboard'), linux).files).toEqual(['/home/facilitator/workshops/-draft.orgboard'])
  })

  it('accepts file:// URLs, as some Linux file managers pass them', () => {
    expect(parseLaunchArgs(packaged('file:///home/facilitator/Harbour%20%26%20Pine.orgboard'), linux).files).toEqual([
      '/home/facilitator/Harbour & Pine.orgboard'
    ])
  })

  it('understands Windows paths, drive letters and case-insensitive duplicates', () => {
    const windows: ArgContext = { cwd: 'C:\\Users\\Facilitator\\Documents', platform: 'win32', defaultApp: false }
    const args = parseLaunchArgs(
      ['C:\\Program Files\\Orgboard\\Orgboard.exe', 'D:\\Boards\\Walls.orgboard', 'd:\\boards\\walls.orgboard', 'Team map.orgboard', 'file:///C:/Boards/Gardens.orgboard'],
      windows
    )
    expect(args.files).toEqual(['D:\\Boards\\Walls.orgboard', 'C:\\Users\\Facilitator\\Documents\\Team map.orgboard', 'C:\\Boards\\Gardens.orgboard'])
  })
})

describe('second launch', () => {
  it('prefers the argv the second launch sent itself', () => {
    const data = secondLaunchData(packaged('Walls.orgboard'), '/tmp/elsewhere')
    const second = readSecondLaunch(data, ['/opt/Orgboard/orgboard', '--allow-file-access-from-files', 'walls.orgboard'], '/')
    expect(parseLaunchArgs(second.argv, { ...linux, cwd: second.cwd }).files).toEqual(['/tmp/elsewhere/Walls.orgboard'])
  })

  it("falls back to Chromium's command line when the data is missing or malformed", () => {
    const commandLine = packaged('--allow-file-access-from-files', 'Walls.orgboard')
    for (const data of [undefined, null, 'argv', { argv: 'x', cwd: '/' }, { argv: [1], cwd: '/' }, { argv: [] }]) {
      expect(readSecondLaunch(data, commandLine, '/srv')).toEqual({ argv: commandLine, cwd: '/srv' })
    }
  })
})
