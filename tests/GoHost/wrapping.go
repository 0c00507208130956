package main

// Response wrapping asked of Vault over the broker (SystemView.ResponseWrapData), answered the way
// Vault's gRPC system view server does: the data is JSON, a JWT is never handed out, and the reply
// carries the wrapping token's info (TTL in ns, token, accessor, creation time, creation path
// sys/wrapping/wrap) or an error string.

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/golang/protobuf/ptypes/timestamp"

	"vaultpathgen/gohost/proto/pb"
)

type wrapCall struct {
	data map[string]interface{}
	ttl  time.Duration
	jwt  bool
}

var (
	wrapMu    sync.Mutex
	wrapCalls []wrapCall
	wrappedAt = time.Unix(1700000000, 0)
)

func (sysView) ResponseWrapData(_ context.Context, args *pb.ResponseWrapDataArgs) (*pb.ResponseWrapDataReply, error) {
	data := map[string]interface{}{}
	if err := json.Unmarshal([]byte(args.Data), &data); err != nil {
		return &pb.ResponseWrapDataReply{Err: err.Error()}, nil
	}
	wrapMu.Lock()
	wrapCalls = append(wrapCalls, wrapCall{data: data, ttl: time.Duration(args.TTL), jwt: args.JWT})
	n := len(wrapCalls)
	wrapMu.Unlock()
	// This host's stand-in for a failure inside Vault's cubbyhole write.
	if args.TTL <= 0 {
		return &pb.ResponseWrapDataReply{Err: "wrapping TTL must be positive"}, nil
	}
	return &pb.ResponseWrapDataReply{WrapInfo: &pb.ResponseWrapInfo{
		TTL:          args.TTL,
		Token:        fmt.Sprintf("hvs.wrapping-token-%d", n),
		Accessor:     fmt.Sprintf("wrapping-accessor-%d", n),
		CreationTime: &timestamp.Timestamp{Seconds: wrappedAt.Unix()},
		CreationPath: "sys/wrapping/wrap",
	}}, nil
}

// checkResponseWrapping: the test plugin's "wrap" path wraps its data through the system view.
func checkResponseWrapping(m *mount) {
	reply, err := m.request("update", "wrap", map[string]interface{}{"ttl": 90, "data": map[string]interface{}{"secret": "s3", "n": 1}})
	d := jsonData(reply)
	wrapMu.Lock()
	calls := append([]wrapCall(nil), wrapCalls...)
	wrapMu.Unlock()
	report("response_wrap_data", okReply(reply, err) && d["token"] == "hvs.wrapping-token-1" && d["accessor"] == "wrapping-accessor-1" &&
		d["ttl_seconds"] == float64(90) && d["creation_path"] == "sys/wrapping/wrap" && d["creation_time"] == float64(wrappedAt.Unix()) &&
		len(calls) == 1 && fmt.Sprint(calls[0].data) == "map[n:1 secret:s3]" && calls[0].ttl == 90*time.Second && !calls[0].jwt, "%v %v calls=%v", d, err, calls)

	reply, err = m.request("update", "wrap", map[string]interface{}{"ttl": 0, "data": map[string]interface{}{"secret": "s3"}})
	report("response_wrap_data_error", err == nil && reply.Err != nil && reply.Err.ErrType == 2 && reply.Err.ErrMsg == "wrapping TTL must be positive", "%v %v", reply, err)
}
