import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { getCurrentUser } from '@/lib/authz';

// The signed-in part of the admin area: its navigation and the sign-out button. Reads the
// member only to choose which links to show; each page calls requireUser()/requireRole().
export default async function AdminSpaceLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      <AdminNav user={user} />
      {children}
    </>
  );
}
