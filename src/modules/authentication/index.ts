// Authentication: signing in (password, OpenID Connect), out, and changing one's own password.
export { logoutAction, oidcLoginAction } from "./auth.actions";
export { ChangePasswordForm, SendPasswordCodeForm } from "./components/change-password-form";
export { LoginForm } from "./components/login-form";
export { safeReturnPath } from "./return-path";
