/** What a served Worker's processes (wrangler, esbuild, workerd) use: peak memory and CPU time. */
import { readdirSync, readFileSync } from 'node:fs'

export interface ProcessMemory {
  pid: number
  name: string
  peakRssMb: number
  rssMb: number
}

function status(pid: number): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
    const at = line.indexOf(':')
    if (at > 0) out[line.slice(0, at)] = line.slice(at + 1).trim()
  }
  return out
}

const mb = (kbText: string | undefined) => Math.round(Number.parseInt(kbText ?? '0', 10) / 1024)

/** A process and all its descendants, from /proc. */
function descendants(rootPid: number): number[] {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(Number(entry), ppid)
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = [rootPid]
  for (let i = 0; i < tree.length; i += 1) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid)
  }
  return tree
}

/** Peak (VmHWM) and current RSS of a process and all its descendants. */
export function treeMemory(rootPid: number): ProcessMemory[] {
  return descendants(rootPid).flatMap((pid) => {
    try {
      const s = status(pid)
      return [{ pid, name: s.Name ?? '?', peakRssMb: mb(s.VmHWM), rssMb: mb(s.VmRSS) }]
    } catch {
      return []
    }
  })
}

/** CPU time (user + system, ms) used so far by a process and each of its descendants. */
export function treeCpu(rootPid: number): Map<number, number> {
  const out = new Map<number, number>()
  for (const pid of descendants(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second).
      out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100)
    } catch {
      // Gone meanwhile.
    }
  }
  return out
}

/** CPU spent between two readings, by the processes alive at the second (new ones in full). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0)
  return total
}
