"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { zodResolver } from "@/lib/ui/zod-resolver";

const signInSchema = z.object({
  email: z.email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
});
type SignInValues = z.infer<typeof signInSchema>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [failed, setFailed] = useState(false);
  const { register, handleSubmit, formState } = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: SignInValues) {
    setFailed(false);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error || !result.ok) {
      setFailed(true);
      return;
    }
    // A full navigation so the server-rendered header picks up the new session.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      {failed ? (
        <p className="banner banner--error" role="alert">
          Invalid email or password
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="signin-email">Email</label>
        <input
          id="signin-email"
          type="email"
          autoComplete="email"
          aria-invalid={errors.email ? true : undefined}
          {...register("email")}
        />
        {errors.email ? <span className="field__error">{errors.email.message}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="signin-password">Password</label>
        <input
          id="signin-password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          {...register("password")}
        />
        {errors.password ? <span className="field__error">{errors.password.message}</span> : null}
      </div>
      <button type="submit" className="button" disabled={isSubmitting}>
        Sign in
      </button>
    </form>
  );
}
