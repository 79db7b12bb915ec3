/**
 * Minimal typings for the ECharts subpaths the UI uses. echarts 5's own .d.ts files re-export
 * from extensionless paths ('./types/dist/core', './shared') inside a "type": "module" package,
 * which TypeScript's NodeNext resolution (tsconfig.json) cannot follow — every name comes out
 * missing. Ambient declarations take precedence over the broken ones. Drop this file when the
 * package's typings resolve (echarts 6, or a bundler-resolution tsconfig for web/).
 */
declare module 'echarts/core' {
  export type EChartsCoreOption = Record<string, unknown>;
  export interface ECharts {
    setOption(option: EChartsCoreOption, opts?: { notMerge?: boolean; lazyUpdate?: boolean }): void;
    resize(): void;
    dispose(): void;
  }
  export function init(
    dom: HTMLElement,
    theme?: string | object | null,
    opts?: { renderer?: 'canvas' | 'svg'; locale?: string; width?: number; height?: number },
  ): ECharts;
  export function use(extensions: unknown[]): void;
}
declare module 'echarts/charts' {
  export const BarChart: unknown;
  export const LineChart: unknown;
  export const PieChart: unknown;
}
declare module 'echarts/components' {
  export const GridComponent: unknown;
  export const LegendComponent: unknown;
  export const TooltipComponent: unknown;
}
declare module 'echarts/renderers' {
  export const CanvasRenderer: unknown;
}
