/** The Cadence mark: three rising bars and a check-in dot. */
export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="64 64 896 896" aria-hidden="true">
      <rect x="64" y="64" width="896" height="896" rx="200" fill="#1F4670" />
      <rect x="232" y="520" width="112" height="232" rx="56" fill="#8FA9C4" />
      <rect x="456" y="392" width="112" height="360" rx="56" fill="#C7D6E5" />
      <rect x="680" y="272" width="112" height="480" rx="56" fill="#FFFFFF" />
      <circle cx="288" cy="400" r="56" fill="#7FD3A8" />
    </svg>
  );
}
