# The endpoint on workerd, Cloudflare Workers' open-source runtime: the local equivalent of deploy/cloudflare/.
# The test suite runs exactly this file. After `npm run build`:
#
#   TOTP_ENROLL_API_KEY=… npx workerd serve deploy/workerd/config.capnp [--socket-addr http=127.0.0.1:8787]
#
# Settings come from the process environment here; on Cloudflare they are the Worker's variables and secrets.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "totp-enroll", worker = .endpoint) ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "totp-enroll") ],
);

const endpoint :Workerd.Worker = (
  modules = [ (name = "server.js", esModule = embed "../../dist/server.js") ],
  compatibilityDate = "2025-09-01",
  bindings = [
    (name = "TOTP_ENROLL_API_KEY", fromEnvironment = "TOTP_ENROLL_API_KEY"),
    (name = "TOTP_ENROLL_CORS", fromEnvironment = "TOTP_ENROLL_CORS"),
    (name = "TOTP_ENROLL_PUBLIC", fromEnvironment = "TOTP_ENROLL_PUBLIC"),
  ],
);
