use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

const MAX_LINE: usize = 8 * 1024;
static BANNER: &str = "bengal-serve 0.1\r\n";

/// Handles one connection: echoes lines back until the client sends "quit".
fn handle(stream: TcpStream, served: Arc<AtomicUsize>) -> io::Result<()> {
    let peer = stream.peer_addr()?;
    let mut writer = stream.try_clone()?;
    writer.write_all(BANNER.as_bytes())?;
    let reader = BufReader::new(stream);
    for line in reader.lines() {
        let line = line?;
        if line.len() > MAX_LINE {
            writeln!(writer, "error: line too long")?;
            break;
        }
        match line.trim() {
            "quit" => break,
            "" => continue,
            cmd if cmd.starts_with("echo ") => writeln!(writer, "{}", &cmd[5..])?,
            other => writeln!(writer, "unknown command: {:?}", other)?,
        }
    }
    let n = served.fetch_add(1, Ordering::SeqCst) + 1;
    eprintln!("{peer} disconnected ({n} served)");
    Ok(())
}

fn main() -> io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| String::from("127.0.0.1:7878"));
    let listener = TcpListener::bind(&addr)?;
    let served = Arc::new(AtomicUsize::new(0));
    println!("listening on {}", addr);
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let served = Arc::clone(&served);
                thread::spawn(move || {
                    if let Err(e) = handle(stream, served) {
                        eprintln!("connection failed: {e}");
                    }
                });
            }
            Err(e) => eprintln!("accept failed: {}", e),
        }
    }
    Ok(())
}

macro_rules! square {
    ($x:expr) => {
        $x * $x
    };
}

#[allow(dead_code)]
fn escapes() -> (char, &'static str, &'static [u8]) {
    let _ = square!(3);
    ('\n', "tab\there \"quoted\" \u{1F600}", br#"raw "bytes""#)
}
