// GET|POST /api/auth/* — next-auth's endpoints (session, csrf, providers, credentials
// callback, sign-out). Public on purpose: they are how one signs in; the credentials
// callback runs the same rate-limited check as the sign-in page (lib/auth.ts). POSTs
// carry next-auth's CSRF token and must come from this site (Origin).
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth';
import { refuseCrossOrigin } from '@/lib/security/origin';

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context): Promise<Response> {
  const refusal = refuseCrossOrigin(request);
  if (refusal) return refusal;
  return NextAuth(request, context, getAuthOptions());
}

export { handler as GET, handler as POST };
