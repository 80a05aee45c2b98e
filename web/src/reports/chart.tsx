import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

/**
 * Okabe–Ito: eight colours told apart with every common colour-vision deficiency (and in grey
 * print); black last for reference lines.
 */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
]

export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>

/** A uPlot chart that fills its box's width and follows it; the table below holds the numbers. */
export function Chart({
  options,
  data,
  label,
  height = 260,
  kind,
}: {
  options: ChartOptions
  data: uPlot.AlignedData
  label: string
  height?: number
  /** Names the chart for tests and print when a report draws more than one. */
  kind?: string
}) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el) return
    const plot = new uPlot({ ...options, width: el.clientWidth || 600, height }, data, el)
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height }))
    resize.observe(el)
    return () => {
      resize.disconnect()
      plot.destroy()
    }
  }, [options, data, height])
  return (
    <div class="report-chart" ref={box} role="img" aria-label={label} data-chart={kind ?? ''} />
  )
}

const short = (s: string, n = 18) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** An x axis of named categories (stages, steps, people) at 0, 1, 2 … */
export function categoryAxis(names: readonly string[], rotate: boolean): uPlot.Axis {
  return {
    values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? short(names[i] ?? '') : '')),
    ...(rotate ? { rotate: -50, size: 110, space: 12 } : { space: 12 }),
    gap: 4,
  }
}

/** The x scale under {@link categoryAxis}: a slot per name, half a slot spare at either end. */
export const categoryScale = (names: readonly string[]): uPlot.Scale => ({
  time: false,
  range: [-0.5, Math.max(0.5, names.length - 0.5)],
})

/** Bars for a series (uPlot's own bar path builder). */
export const bars = (size = 0.7) => uPlot.paths.bars?.({ size: [size, 64] })

/** Points only, no line: a marker per category (an SLA, a limit). */
export const markers = (color: string): uPlot.Series => ({
  stroke: color,
  fill: color,
  paths: () => null,
  points: { show: true, size: 9, stroke: color, fill: '#fff', width: 2 },
})

/** A value axis that keeps zero in view, so bars are read from their true base. */
export const fromZero: uPlot.Range.Function = (_u, min, max) => [
  Math.min(0, min),
  Math.max(0, max) * 1.1 || 1,
]
