// The antiforgery token that the layout renders into <meta name="request-verification-token">; every POST of ours
// sends it (ASP.NET Core antiforgery, header "RequestVerificationToken").
export function antiforgeryToken() {
  return document.querySelector('meta[name="request-verification-token"]')?.content ?? '';
}
