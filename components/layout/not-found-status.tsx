'use client';
// Only the status of a page that shows « Page introuvable » itself (components/layout/page-not-found.tsx).
// Thrown inside its own Suspense boundary, notFound() fails that boundary alone: the page around
// it is already in the HTML, and Next answers 404 when it renders the page once and keeps it
// (the route cache of app/(public)/statique). In the browser, the root not-found boundary then
// shows app/not-found.tsx, the same message.
import { notFound } from 'next/navigation';

export function NotFoundStatus(): never {
  notFound();
}
