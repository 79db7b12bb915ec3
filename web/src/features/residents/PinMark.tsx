/** A map pin whose point is at `at`: a drop above the spot, so the finger does not hide the place. */
export function PinMark({ at: [x, y], testId }: { at: [number, number]; testId: string }) {
  return (
    <g className="res-pin-mark" data-testid={testId} pointerEvents="none">
      <path d={`M${x},${y} l-9,-16 a10.5,10.5 0 1 1 18,0 z`} />
      <circle cx={x} cy={y - 22} r={4} fill="#fff" />
    </g>
  );
}
