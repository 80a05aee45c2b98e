import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateNKeysBetween } from 'fractional-indexing'
import { demoUserSql } from '../scripts/demo-users'
import { benchOrg, type BenchStage } from './org'
import { orgSql, positions } from './org-sql'
import { bin, root, toolEnv } from './paths'
import { d1File, sqliteRows } from './sqlite-cli'

/** wrangler reads a file of this size into one request; larger seeds go in several files. */
const FILE_BYTES = 4 * 1024 * 1024

function wrangler(args: string[]) {
  try {
    execFileSync(bin('wrangler'), args, {
      cwd: root,
      env: toolEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? ''
    throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed:\n${stderr.slice(-2000)}`)
  }
}

interface StageRow {
  id: string
  sla_days: number
  wip_limit: number | null
  overdue_policy: 'flag' | 'return'
  owner_role_id: string
  communicator_role_id: string
  support_role_id: string
}

/** The live stages in journey order, from the migrated template. */
export function readStages(file: string): BenchStage[] {
  return sqliteRows<StageRow>(
    file,
    `SELECT s.* FROM stages s JOIN phases p ON p.id = s.phase_id WHERE s.archived = 0
     ORDER BY p.position, s.position, s.id`,
  ).map((s) => ({
    id: s.id,
    slaDays: s.sla_days,
    wipLimit: s.wip_limit,
    overduePolicy: s.overdue_policy,
    roles: {
      owner: s.owner_role_id,
      communicator: s.communicator_role_id,
      support: s.support_role_id,
    },
  }))
}

/** Statements packed into files of at most FILE_BYTES; a statement, never a comment, ends each. */
function packFiles(dir: string, statements: string[]): string[] {
  const files: string[] = []
  let chunk: string[] = []
  let size = 0
  const flush = () => {
    if (chunk.length === 0) return
    const file = join(dir, `seed-${String(files.length).padStart(3, '0')}.sql`)
    writeFileSync(file, chunk.join('\n') + '\n')
    files.push(file)
    chunk = []
    size = 0
  }
  for (const s of statements) {
    const bytes = Buffer.byteLength(s) + 1
    if (size + bytes > FILE_BYTES) flush()
    chunk.push(s)
    size += bytes
  }
  flush()
  return files
}

export interface SeededState {
  dir: string
  file: string
  stages: BenchStage[]
  clients: number
  members: number
  overdue: number
  seedSqlBytes: number
  migrateMs: number
  loadMs: number
  generateMs: number
}

/** A fresh local D1 under `dir`: migrated, then the large organisation loaded with wrangler. */
export async function seedState(dir: string, clients: number): Promise<SeededState> {
  rmSync(dir, { recursive: true, force: true })
  let started = performance.now()
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir])
  const migrateMs = performance.now() - started
  const file = d1File(dir)
  const stages = readStages(file)

  started = performance.now()
  const now = Date.now()
  const org = benchOrg(stages, clients, now)
  const keys = positions(org.clients, (n) => generateNKeysBetween(null, null, n))
  const statements = [...orgSql(org.members, org.clients, keys, now), ...(await demoUserSql(now))]
  const sqlDir = join(dir, 'sql')
  mkdirSync(sqlDir, { recursive: true })
  const files = packFiles(sqlDir, statements)
  const generateMs = performance.now() - started
  console.log(`  generated ${files.length} file(s) in ${Math.round(generateMs)} ms`)

  started = performance.now()
  for (const f of files)
    wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', dir, '--yes', '--file', f])
  const loadMs = performance.now() - started
  return {
    dir,
    file,
    stages,
    clients: org.clients.length,
    members: org.members.length,
    overdue: org.clients.filter((c) => c.dueAt !== null && c.dueAt <= now).length,
    seedSqlBytes: statements.reduce((n, s) => n + Buffer.byteLength(s) + 1, 0),
    migrateMs,
    loadMs,
    generateMs,
  }
}
