//! The site in Cloudflare's own runtime (workerd, run by `wrangler dev`),
//! with the project's Worker and `_headers` (`deploy/edge/`), for
//! `serve --edge` and the tests: as `nginx.rs` is for nginx.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::root;
use crate::shell::Cmd;

/// A wrangler configuration under `target/edge/{name}/`: `deploy/edge/wrangler.json`
/// with its Worker and its assets' folder given by their real paths.
pub struct Edge {
    dir: PathBuf,
    port: u16,
}

impl Edge {
    /// The site in `site` must hold a build (`dist` writes its `_headers`).
    pub fn configure(name: &str, site: &Path, port: u16) -> Result<Self, String> {
        let dir = crate::paths::scratch("edge").join(name);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let site = site
            .canonicalize()
            .map_err(|e| format!("cannot find {}: {e}", site.display()))?;
        if !site.join("_headers").is_file() {
            return Err(format!(
                "{} has no _headers (run `cargo xtask dist`)",
                site.display()
            ));
        }
        let edge = root().join("deploy/edge");
        let text = std::fs::read_to_string(edge.join("wrangler.json"))
            .map_err(|e| format!("cannot read deploy/edge/wrangler.json: {e}"))?;
        let mut config: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("deploy/edge/wrangler.json: {e}"))?;
        config["main"] = edge.join("worker.js").display().to_string().into();
        config["assets"]["directory"] = site.display().to_string().into();
        let path = dir.join("wrangler.json");
        std::fs::write(&path, config.to_string())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(Self { dir, port })
    }

    fn command(&self) -> Cmd {
        let wrangler = root().join("deploy/edge/node_modules/.bin/wrangler");
        Cmd::new(&wrangler.display().to_string())
            .args(["dev", "--config", "wrangler.json", "--ip", "127.0.0.1"])
            .args(["--port", &self.port.to_string()])
            .args([
                "--show-interactive-dev-session=false",
                "--log-level",
                "warn",
            ])
            // Nothing is asked of Cloudflare's servers: no metrics, no
            // `Request.cf` object (a placeholder stands in).
            .env("WRANGLER_SEND_METRICS", "false")
            .env("CLOUDFLARE_CF_FETCH_ENABLED", "false")
            .dir(&self.dir)
    }

    /// Runs in the foreground until interrupted.
    pub fn run_foreground(self) -> Result<(), String> {
        crate::shell::run(self.command())
    }

    /// Starts in the background and waits until the Worker answers.
    pub fn start(self) -> Result<Running, String> {
        let log = self.dir.join("wrangler.log");
        let out = std::fs::File::create(&log)
            .map_err(|e| format!("cannot write {}: {e}", log.display()))?;
        let err = out.try_clone().map_err(|e| e.to_string())?;
        let child = self
            .command()
            .command()
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("cannot start wrangler: {e}"))?;
        // wrangler stops workerd when it is interrupted.
        let mut running = Running {
            child,
            port: self.port,
            stop_signal: "-INT",
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while !answers(self.port) {
            if Instant::now() > deadline || running.child.try_wait().ok().flatten().is_some() {
                return Err(format!(
                    "workerd did not answer on port {} (see {})",
                    self.port,
                    log.display()
                ));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Ok(running)
    }
}

/// Whether the Worker answers a request for the shell.
fn answers(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request =
        format!("HEAD /index.html HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.1 200")
}

/// workerd running in the background; stopped when dropped.
pub type Running = crate::shell::Background;
