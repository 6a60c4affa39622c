import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/modules/auth/components/login-form";
import { getCurrentUser } from "@/server/session";

export const metadata: Metadata = { title: "Logga in" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const target = next?.startsWith("/") && !next.startsWith("//") ? next : "/";
  if (await getCurrentUser()) redirect(target);
  return (
    <>
      <h1 className="text-3xl font-semibold">Logga in</h1>
      <p className="mt-2 max-w-prose">För sekreterare, ordförande, justerare och administratörer. Protokoll som har justerats och anslagits kan alla läsa utan att logga in.</p>
      <LoginForm next={target} />
    </>
  );
}
