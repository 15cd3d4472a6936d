import { useState } from "react";
import type { Zoom } from "../../api";

const KEY = "cadence.roadmap.zoom";

/** The timeline's zoom, remembered between visits. */
export function useZoom(): [Zoom, (zoom: Zoom) => void] {
  const [zoom, setZoom] = useState<Zoom>(() =>
    localStorage.getItem(KEY) === "month" ? "month" : "quarter",
  );
  return [
    zoom,
    (z: Zoom) => {
      localStorage.setItem(KEY, z);
      setZoom(z);
    },
  ];
}
