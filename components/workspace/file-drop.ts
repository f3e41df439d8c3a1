/**
 * A drop zone for files, for the mouse only: the labelled file input inside the zone stays the
 * control for everyone (keyboard, screen readers). The listeners are attached to the zone
 * element rather than given as props, as the zone is no control of its own. `dragging` is
 * true while files are held over the zone (for its highlight).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export function useFileDrop<T extends HTMLElement = HTMLDivElement>(onFiles: (files: File[]) => void) {
  const zone = useRef<T>(null);
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onFiles);
  latest.current = onFiles;

  useEffect(() => {
    const area = zone.current;
    if (!area) return undefined;
    const over = (e: DragEvent) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      const to = e.relatedTarget as Node | null;
      if (!to || !area.contains(to)) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      latest.current([...(e.dataTransfer?.files ?? [])]);
    };
    area.addEventListener('dragenter', over);
    area.addEventListener('dragover', over);
    area.addEventListener('dragleave', leave);
    area.addEventListener('drop', drop);
    return () => {
      area.removeEventListener('dragenter', over);
      area.removeEventListener('dragover', over);
      area.removeEventListener('dragleave', leave);
      area.removeEventListener('drop', drop);
    };
  }, []);

  return { zone, dragging };
}
