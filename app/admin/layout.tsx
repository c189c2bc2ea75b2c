import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// Nothing of the admin area is indexed. This layout is not a security boundary: every page
// and action checks the member itself (lib/authz.ts).
export const metadata: Metadata = {
  robots: { index: false, follow: false },
};

export default function AdminLayout({ children }: { children: ReactNode }) {
  return children;
}
