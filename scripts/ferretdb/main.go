// Command ferretdb runs FerretDB 1.24 (MongoDB wire protocol on PostgreSQL) for the
// local stack. It embeds github.com/FerretDB/FerretDB/ferretdb because the upstream
// cmd/ferretdb, built with `go install`, panics at start: its build/version/version.txt
// is generated and not part of the published module.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", envOr("FERRETDB_LISTEN_ADDR", "127.0.0.1:27017"), "TCP listen address")
	pgURL := flag.String("postgresql-url", envOr("FERRETDB_POSTGRESQL_URL", "postgres://postgres@127.0.0.1:55432/ferretdb"), "PostgreSQL connection URL")
	level := flag.String("log-level", envOr("FERRETDB_LOG_LEVEL", "warn"), "log level: debug, info, warn, error, off")
	flag.Parse()

	var lvl slog.Level
	switch l := strings.ToLower(*level); l {
	case "off":
		// FerretDB logs every failed query (e.g. each duplicate key of an idempotent
		// insert) at error level with its SQL: benchmarks may want none of it.
		lvl = slog.LevelError + 100
	default:
		if err := lvl.UnmarshalText([]byte(l)); err != nil {
			fmt.Fprintf(os.Stderr, "ferretdb: bad log level %q: %v\n", *level, err)
			os.Exit(2)
		}
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Logger:        logger,
		Handler:       "postgresql",
		PostgreSQLURL: *pgURL,
	})
	if err != nil {
		logger.Error("cannot start FerretDB", "error", err)
		os.Exit(1)
	}

	// SIGTERM from `services.sh down` cancels the context; Run then closes the
	// listener, the client connections and the PostgreSQL pool before returning.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	logger.Warn("FerretDB listening", "addr", *listen, "backend", "postgresql")
	if err := f.Run(ctx); err != nil {
		logger.Error("FerretDB stopped with an error", "error", err)
		os.Exit(1)
	}
}

func envOr(name, fallback string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return fallback
}
