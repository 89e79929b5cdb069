import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Refusal } from '../api';

/** Vietnamese first, English beside it (marked `lang="en"` for screen readers). */
export function Bi({ vi, en }: { vi: string; en: string }) {
  return (
    <>
      {vi}{' '}
      <span class="en" lang="en">
        / {en}
      </span>
    </>
  );
}

/**
 * The page's heading: it names the page in the tab title and takes focus when the page changes,
 * so a screen reader announces where the officer landed (hash routing does not reload).
 */
export function PageHeading({ vi, en }: { vi: string; en: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${vi} / ${en} — Kết nạp đảng viên`;
    heading.current?.focus();
  }, [vi, en]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      <Bi vi={vi} en={en} />
    </h1>
  );
}

/** A refusal of the API, read out when it appears (role="alert"). */
export function RefusalMessage({ refusal, id }: { refusal?: Refusal; id?: string }) {
  if (!refusal) return null;
  return (
    <div class="refusal" role="alert" id={id} data-code={refusal.code}>
      <strong>{refusal.message}</strong>{' '}
      <span class="en" lang="en">
        {refusal.message_en}
      </span>{' '}
      <code>{refusal.code}</code>
    </div>
  );
}

/** Polite announcements (saved, loaded) for assistive technology. */
export function Status({ children }: { children?: ComponentChildren }) {
  return (
    <p class="status" role="status" aria-live="polite">
      {children}
    </p>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status" aria-live="polite">
      <Bi vi="Đang tải…" en="Loading…" />
    </p>
  );
}

/** A labelled form control: the label names the control whose `id` is `htmlFor`. */
export function Field({
  htmlFor,
  vi,
  en,
  children,
}: {
  htmlFor: string;
  vi: string;
  en: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={htmlFor}>
        <Bi vi={vi} en={en} />
      </label>
      {children}
    </div>
  );
}

/** A page section named by its bilingual heading (`aria-labelledby`), for landmark navigation. */
export function Section({
  id,
  vi,
  en,
  children,
}: {
  id: string;
  vi: string;
  en: string;
  children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <Bi vi={vi} en={en} />
      </h2>
      {children}
    </section>
  );
}
