/**
 * Finding the published packages of the workspace, and running the tools a consumer
 * would run (npm, node, tsc) in child processes with a clean environment.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'

/** The monorepo root (this file is tools/package-health/src/workspace.ts). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** The TypeScript compiler of the monorepo, used to type-check a consumer project. */
export const tscBin = join(repoRoot, 'node_modules/typescript/bin/tsc')

/** The parts of a package.json these checks read. */
export interface PackageManifest {
  readonly name: string
  readonly version: string
  readonly private?: boolean
  readonly type?: string
  readonly exports?: unknown
  readonly dependencies?: Readonly<Record<string, string>>
  readonly devDependencies?: Readonly<Record<string, string>>
  readonly nx?: { readonly tags?: readonly string[] }
}

export interface WorkspacePackage {
  readonly name: string
  readonly version: string
  /** Absolute path of the package folder. */
  readonly dir: string
  readonly manifest: PackageManifest
}

/** The tag that marks a package for publishing to the npm registry. */
export const PUBLISHED_TAG = 'published'

export const isPublished = (manifest: PackageManifest): boolean =>
  manifest.private !== true && (manifest.nx?.tags ?? []).includes(PUBLISHED_TAG)

/** A district plugin package: `@vbe/plugin-<plugin id>`. */
export const PLUGIN_PREFIX = '@vbe/plugin-'
export const isPlugin = (pkg: WorkspacePackage): boolean => pkg.name.startsWith(PLUGIN_PREFIX)

export async function readManifest(dir: string): Promise<PackageManifest> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageManifest
}

/**
 * Every package under packages/* whose package.json is not private and carries the
 * nx tag "published", sorted by name. Discovered on each call, never hard-coded, so a
 * new published package is checked as soon as it is tagged.
 */
export async function publishedPackages(root: string = repoRoot): Promise<WorkspacePackage[]> {
  const packagesDir = join(root, 'packages')
  const entries = await readdir(packagesDir, { withFileTypes: true })
  const found: WorkspacePackage[] = []
  for (const entry of entries) {
    if (!entry.isDirectory()) continue
    const dir = join(packagesDir, entry.name)
    if (!existsSync(join(dir, 'package.json'))) continue
    const manifest = await readManifest(dir)
    if (isPublished(manifest)) found.push({ name: manifest.name, version: manifest.version, dir, manifest })
  }
  return found.sort((a, b) => a.name.localeCompare(b.name))
}

// ---------------------------------------------------------------------------
// The exports map
// ---------------------------------------------------------------------------

/** Conditions that only the monorepo itself uses; a consumer never resolves them. */
export const SOURCE_CONDITIONS: readonly string[] = ['@vbe/source']

/** The subpaths a package exports (".", "./strategy", …), without "./package.json" and patterns. */
export function exportedSubpaths(manifest: PackageManifest): string[] {
  const { exports } = manifest
  if (exports === undefined || exports === null) return ['.']
  if (typeof exports === 'string' || Array.isArray(exports)) return ['.']
  const keys = Object.keys(exports as Record<string, unknown>)
  if (!keys.every((k) => k.startsWith('.'))) return ['.'] // a conditions object for "."
  return keys.filter((k) => k !== './package.json' && !k.includes('*'))
}

/** The exports entry of one subpath (a string, a conditions object or an array). */
export function exportEntry(manifest: PackageManifest, subpath: string): unknown {
  const { exports } = manifest
  if (typeof exports !== 'object' || exports === null || Array.isArray(exports)) return subpath === '.' ? exports : undefined
  const record = exports as Record<string, unknown>
  if (!Object.keys(record).every((k) => k.startsWith('.'))) return subpath === '.' ? record : undefined
  return record[subpath]
}

/** Every condition name used anywhere in an exports entry. */
export function conditionsIn(entry: unknown): Set<string> {
  const out = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        out.add(key)
        visit(inner)
      }
    }
  }
  visit(entry)
  return out
}

/** Every file an exports map points a consumer at (source-only conditions left out). */
export function exportedFiles(manifest: PackageManifest): string[] {
  const out = new Set<string>()
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith('./') && !value.includes('*')) out.add(value)
    } else if (Array.isArray(value)) value.forEach(visit)
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) if (!SOURCE_CONDITIONS.includes(key)) visit(inner)
    }
  }
  visit(manifest.exports)
  return [...out].sort()
}

// ---------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------

export interface RunResult {
  readonly command: string
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * The environment for a child process, without what npm, nx or vitest put there for
 * the monorepo: `npm_*` settings (npm_config_local_prefix would point npm back at the
 * workspace) and NODE_OPTIONS (a `--conditions=@vbe/source` there would make node
 * load TypeScript sources instead of the built files). Colours are turned off, so output
 * can be matched as plain text even when nx forces colours.
 */
export function cleanEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase()
    if (lower.startsWith('npm_') || key === 'NODE_OPTIONS' || key === 'INIT_CWD' || key === 'FORCE_COLOR') continue
    env[key] = value
  }
  return { ...env, NO_COLOR: '1', ...extra }
}

export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  const shown = [command, ...args].join(' ')
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 180_000,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ command: shown, code, stdout, stderr }))
  })
}

/** Removes terminal colour codes. */
export const stripAnsi = (text: string): string => stripVTControlCharacters(text)

/** Describes a finished command for an assertion message. */
export function describeRun(result: RunResult): string {
  return [`$ ${result.command}`, `exit code ${String(result.code)}`, result.stdout.trim(), result.stderr.trim()]
    .filter((s) => s !== '')
    .join('\n')
}

/** Runs a command and throws, with its output, when it does not exit 0. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  const result = await run(command, args, options)
  if (result.code !== 0) throw new Error(`Command failed:\n${describeRun(result)}`)
  return result
}

// ---------------------------------------------------------------------------
// Packing
// ---------------------------------------------------------------------------

export async function makeTempDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `vbe-package-health-${label}-`))
}

export async function removeTempDir(dir: string | undefined): Promise<void> {
  if (dir !== undefined && process.env['VBE_KEEP_TMP'] === undefined) await rm(dir, { recursive: true, force: true })
}

export interface Tarball {
  readonly pkg: WorkspacePackage
  /** Absolute path of the .tgz file. */
  readonly file: string
  /** The files npm put in it, relative to the package root. */
  readonly files: readonly string[]
}

/**
 * Packs a package with `npm pack`, as `npm publish` would (without lifecycle scripts:
 * the build comes from nx's `^build`). Fails first, with the command to fix it, when
 * a file the exports map points at has not been built.
 */
export async function pack(pkg: WorkspacePackage, destination: string): Promise<Tarball> {
  const missing = exportedFiles(pkg.manifest).filter((file) => !existsSync(resolve(pkg.dir, file)))
  if (missing.length > 0) {
    throw new Error(
      `${pkg.name} is not built: ${missing.join(', ')} missing. Run \`npx nx run-many -t build --projects=tag:published\` (nx does this before the test target).`,
    )
  }
  await mkdir(destination, { recursive: true })
  const result = await runOk('npm', ['pack', pkg.dir, '--pack-destination', destination, '--json', '--ignore-scripts'], {
    cwd: pkg.dir,
  })
  const [info] = JSON.parse(result.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>
  if (info === undefined) throw new Error(`npm pack printed no result for ${pkg.name}:\n${describeRun(result)}`)
  return { pkg, file: join(destination, info.filename), files: info.files.map((f) => f.path) }
}

export async function packAll(packages: readonly WorkspacePackage[], destination: string): Promise<Tarball[]> {
  const out: Tarball[] = []
  for (const pkg of packages) out.push(await pack(pkg, destination))
  return out
}
