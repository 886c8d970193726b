import type { Configuration } from 'electron-builder'

/**
 * How Orgboard is packaged: `npm run dist` (scripts/dist.mjs) builds the
 * installers for the platform it runs on. Plain data, so a test validates it
 * against the JSON schema that ships in electron-builder
 * (src/main/packaging.test.ts), and the icons it names must exist.
 * Icons are drawn in resources/*.svg and rendered by `npm run icons`.
 */

/** A board file: what the OS shows for it and which app opens it. */
export const boardFileType = {
  ext: 'orgboard',
  name: 'Orgboard board',
  description: 'Orgboard board',
  mimeType: 'application/x-orgboard+json',
  /** board.icns (macOS) and board.ico (Windows) in resources/; Linux shows its generic document icon. */
  icon: 'board',
  role: 'Editor',
  rank: 'Owner'
} as const

const config: Configuration = {
  appId: 'app.orgboard.desktop',
  productName: 'Orgboard',
  copyright: 'Copyright © 2025 the Orgboard authors',
  directories: { buildResources: 'resources', output: 'dist' },
  // The build (electron-vite) and package.json; electron-builder adds the production dependencies main needs.
  files: ['out/**/*', 'package.json'],
  // Nothing native to rebuild; skipping it also keeps node-gyp out of the build.
  npmRebuild: false,
  artifactName: '${productName}-${version}-${arch}.${ext}',
  fileAssociations: [boardFileType],
  // Electron features Orgboard never uses, switched off in the packaged binary (issue 5): the same
  // fuses as scripts/fuses.mjs, which src/main/fuses.test.ts checks; packaging.test.ts keeps the two equal.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    grantFileProtocolExtraPrivileges: false,
    enableCookieEncryption: true
  },

  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'orgboard',
    icon: 'icons',
    category: 'Office',
    synopsis: 'A desktop whiteboard for org-design workshops',
    // The deb needs a maintainer; replace with the project's real address before publishing.
    maintainer: 'Orgboard maintainers <maintainers@orgboard.invalid>',
    // The .desktop file is named after package.json's desktopName, which is also Electron's Wayland app id.
    syncDesktopName: true
  },

  win: {
    target: ['nsis'],
    icon: 'icon.ico'
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    installerIcon: 'icon.ico',
    uninstallerIcon: 'icon.ico',
    shortcutName: 'Orgboard'
  },

  mac: {
    target: ['dmg'],
    icon: 'icon.icns',
    category: 'public.app-category.productivity',
    darkModeSupport: true,
    // Declares the .orgboard type itself, so Finder knows it is JSON and shows "Orgboard board".
    extendInfo: {
      UTExportedTypeDeclarations: [
        {
          UTTypeIdentifier: 'app.orgboard.board',
          UTTypeDescription: boardFileType.description,
          UTTypeConformsTo: ['public.json', 'public.data'],
          UTTypeIconFile: 'board.icns',
          UTTypeTagSpecification: {
            'public.filename-extension': [boardFileType.ext],
            'public.mime-type': [boardFileType.mimeType]
          }
        }
      ]
    }
  },
  dmg: {
    title: '${productName} ${version}'
  }
}

export default config
