// Package redistest starts a real redis-server for tests, on a free
// loopback port with its files in a temporary directory, and stops it by
// its PID when the test ends.
//
// Without the redis-server binary a test is skipped with a message saying
// how to install it, unless SCOOP_REQUIRE_REDIS=1 is set (as .ci/run
// does), in which case it fails.
package redistest

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Server is a running redis-server.
type Server struct {
	Addr string // host:port
	Dir  string // its working directory (AOF and RDB files)
	Args []string
	cmd  *exec.Cmd
	t    testing.TB
}

// URL returns the server's address as a redis:// URL for database db.
func (s *Server) URL(db int) string { return fmt.Sprintf("redis://%s/%d", s.Addr, db) }

// Start starts a redis-server with persistence off (no RDB, no AOF),
// plus any extra arguments (e.g. "--appendonly", "yes"); it is stopped
// when the test ends.
func Start(t testing.TB, extra ...string) *Server {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("SCOOP_REQUIRE_REDIS") == "1" {
			t.Fatalf("redis-server not found and SCOOP_REQUIRE_REDIS=1: %v", err)
		}
		t.Skip("redis-server not found: install it (apt-get install -y redis-server) to run this test")
	}
	s := &Server{Dir: t.TempDir(), t: t}
	s.Args = append([]string{"--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
		"--dir", s.Dir, "--logfile", filepath.Join(s.Dir, "redis.log")}, extra...)
	s.start(bin, 0)
	t.Cleanup(s.Stop)
	return s
}

// start runs the binary on port, or on a free port when port is 0.
func (s *Server) start(bin string, port int) {
	s.t.Helper()
	for try := 0; ; try++ {
		p := port
		if p == 0 {
			p = freePort(s.t)
		}
		args := append([]string{"--port", strconv.Itoa(p)}, s.Args...)
		cmd := exec.Command(bin, args...)
		if err := cmd.Start(); err != nil {
			s.t.Fatalf("redis-server: %v", err)
		}
		s.cmd = cmd
		s.Addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(p))
		if s.ready(5 * time.Second) {
			return
		}
		s.Stop()
		if port != 0 || try == 2 {
			log, _ := os.ReadFile(filepath.Join(s.Dir, "redis.log"))
			s.t.Fatalf("redis-server on %s did not answer:\n%s", s.Addr, log)
		}
	}
}

// ready waits until the server answers PING.
func (s *Server) ready(wait time.Duration) bool {
	end := time.Now().Add(wait)
	for time.Now().Before(end) {
		c, err := net.DialTimeout("tcp", s.Addr, 200*time.Millisecond)
		if err == nil {
			c.SetDeadline(time.Now().Add(time.Second))
			fmt.Fprint(c, "PING\r\n")
			line, _ := bufio.NewReader(c).ReadString('\n')
			c.Close()
			if strings.HasPrefix(line, "+PONG") {
				return true
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

// Restart kills the server with SIGKILL and starts it again on the same
// port with the same arguments: without AOF it comes back empty.
func (s *Server) Restart() {
	s.t.Helper()
	s.Stop()
	_, port, _ := net.SplitHostPort(s.Addr)
	p, _ := strconv.Atoi(port)
	s.start(s.cmd.Path, p)
}

// Stop kills the server by its PID and waits for it.
func (s *Server) Stop() {
	if s.cmd == nil || s.cmd.Process == nil || s.cmd.ProcessState != nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGKILL)
	s.cmd.Wait()
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
