import { createContext } from 'preact'
import { useContext, useEffect, useMemo, useState } from 'preact/hooks'
import type { User } from '../api/auth'
import { myOnboarding } from '../api/onboarding'
import type { BoardModel } from '../board/board-model'
import { onboardingComplete } from './progress'
import './board-guidance.css'

/** What the board's columns need to guide the signed-in person. */
export interface BoardGuidance {
  /** Stages to tint: those the person's roles take part in, while they are onboarding. */
  highlighted: ReadonlySet<string>
  /** The person's journey roles, to open each column's regulation for the right role. */
  roleIds: readonly string[]
}

const NONE: ReadonlySet<string> = new Set()
export const BoardGuidanceContext = createContext<BoardGuidance>({ highlighted: NONE, roleIds: [] })

/** Whether a column is one of the newcomer's stages (tinted). */
export const useStageHighlighted = (stageId: string): boolean =>
  useContext(BoardGuidanceContext).highlighted.has(stageId)

/** The role whose regulation a column opens for the signed-in person. */
export const useGuidanceRoles = (): readonly string[] => useContext(BoardGuidanceContext).roleIds

const STORAGE_KEY = 'journey-board.onboarding-highlight'

function savedOn(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off'
  } catch {
    return true // storage can be blocked: the highlight stays on for this visit
  }
}

function saveOn(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off')
  } catch {
    // Not saved: the toggle still works for this visit.
  }
}

/** The highlight toggle's state; `available` only while the person has onboarding left. */
export interface HighlightState {
  available: boolean
  on: boolean
  count: number
  toggle: () => void
}

/**
 * The board's guidance for `user`: their roles (from the members on the board) and, while their
 * onboarding is not complete, the stages their roles take part in — tinted unless turned off.
 */
export function useBoardGuidance(
  user: User,
  model: BoardModel,
): { value: BoardGuidance; highlight: HighlightState } {
  const [stages, setStages] = useState<ReadonlySet<string>>(NONE)
  const [on, setOn] = useState(savedOn)

  useEffect(() => {
    if (!user.memberId) return
    const abort = new AbortController()
    myOnboarding(abort.signal)
      .then((me) => setStages(onboardingComplete(me) ? NONE : new Set(me.stageIds)))
      // The board works without it: no tint, nothing to report.
      .catch(() => undefined)
    return () => abort.abort()
  }, [user.memberId])

  const roleIds = useMemo(
    () => (user.memberId ? (model.members.get(user.memberId)?.roleIds ?? []) : []),
    [model, user.memberId],
  )
  const value = useMemo(() => ({ highlighted: on ? stages : NONE, roleIds }), [on, stages, roleIds])
  return {
    value,
    highlight: {
      available: stages.size > 0,
      on,
      count: stages.size,
      toggle: () =>
        setOn((v) => {
          saveOn(!v)
          return !v
        }),
    },
  }
}
