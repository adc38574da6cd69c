/**
 * `changeset status` is what CI and a release run ask before versioning: it reads
 * .changeset/config.json and every pending changeset, checks each names a package of
 * the workspace, and prints which packages would be bumped.
 *
 * What it needs from git: it diffs the working tree against where HEAD diverged from
 * the base branch (`git merge-base <baseBranch> HEAD`), so it needs a commit on that
 * branch; in a repository with no commits yet (or no local base branch, as in some
 * detached CI checkouts) it exits 1 with "Failed to find where HEAD diverged". In that
 * case these tests run it against a throwaway snapshot commit of the working tree, in
 * a temporary git directory, so the config and the changesets are still checked; the
 * repository's own .git is never touched.
 *
 * It also exits 1 when a versionable package has changed since the base branch while
 * there is no changeset at all: then add one with `npx changeset` (or
 * `npx changeset --empty` when the change needs no release).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cleanEnv, describeRun, makeTempDir, publishedPackages, removeTempDir, repoRoot, run, runOk, stripAnsi } from '../src/workspace.js'

const changesetBin = join(repoRoot, 'node_modules/.bin/changeset')
const published = (await publishedPackages()).map((p) => p.name)

interface ReleasePlan {
  changesets: Array<{ id: string; releases: Array<{ name: string; type: string }> }>
  releases: Array<{ name: string; type: string; oldVersion: string; newVersion: string }>
}

let tmp: string | undefined
let env: NodeJS.ProcessEnv = cleanEnv()
let mode = ''

beforeAll(async () => {
  tmp = await makeTempDir('changeset')
  const config = JSON.parse(await readFile(join(repoRoot, '.changeset/config.json'), 'utf8')) as { baseBranch?: string }
  const baseBranch = config.baseBranch ?? 'main'
  const base = await run('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${baseBranch}^{commit}`], { cwd: repoRoot })
  if (base.code === 0) {
    mode = `the repository, against its ${baseBranch} branch`
    return
  }
  // No commit on the base branch: snapshot the working tree (honouring .gitignore)
  // into a temporary git directory and point git at it.
  const gitDir = join(tmp, 'git')
  env = cleanEnv({
    GIT_DIR: gitDir,
    GIT_WORK_TREE: repoRoot,
    GIT_AUTHOR_NAME: 'package-health',
    GIT_AUTHOR_EMAIL: 'package-health@example.invalid',
    GIT_COMMITTER_NAME: 'package-health',
    GIT_COMMITTER_EMAIL: 'package-health@example.invalid',
  })
  await runOk('git', ['init', '--quiet', `--initial-branch=${baseBranch}`], { cwd: repoRoot, env })
  await runOk('git', ['add', '--all'], { cwd: repoRoot, env })
  await runOk('git', ['commit', '--quiet', '--no-verify', '--no-gpg-sign', '-m', 'package-health snapshot'], { cwd: repoRoot, env })
  mode = `a snapshot commit of the working tree (the repository has no ${baseBranch} commit yet)`
}, 120_000)

afterAll(() => removeTempDir(tmp))

describe('changeset status', () => {
  test('exits 0 and prints the summary of bumps', async () => {
    const result = await run(changesetBin, ['status'], { cwd: repoRoot, env })
    const output = stripAnsi(`${result.stdout}\n${result.stderr}`)
    expect(result.code, `changeset status on ${mode} failed:\n${describeRun(result)}`).toBe(0)
    for (const type of ['patch', 'minor', 'major']) expect(output, describeRun(result)).toMatch(new RegExp(`to be bumped at ${type}`))
  })

  test('plans releases of published packages only', async () => {
    const output = join(tmp ?? repoRoot, 'release-plan.json')
    const result = await run(changesetBin, ['status', '--output', output], { cwd: repoRoot, env })
    expect(result.code, `changeset status on ${mode} failed:\n${describeRun(result)}`).toBe(0)
    const plan = JSON.parse(await readFile(output, 'utf8')) as ReleasePlan

    const bumped = plan.releases.filter((r) => r.type !== 'none').map((r) => r.name)
    expect(
      bumped.filter((name) => !published.includes(name)),
      'bumped packages that are not published',
    ).toEqual([])

    const named = plan.changesets.flatMap((c) => c.releases.map((r) => `${c.id}: ${r.name}`))
    expect(
      named.filter((entry) => !published.some((name) => entry.endsWith(`: ${name}`))),
      'changesets naming unpublished packages',
    ).toEqual([])
  })
})
