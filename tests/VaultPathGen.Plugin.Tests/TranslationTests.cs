using System.Text.Json.Nodes;
using VaultPathGen.Plugin.Translation;
using Pb = VaultPathGen.Plugin.Protocol.Pb;

namespace VaultPathGen.Plugin.Tests;

public sealed class TranslationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public void Absent_request_data_is_null(string data)
    {
        var request = ProtoTranslation.ToRequest(new Pb.Request { Operation = "read", Path = "kv/a", Data = data });
        Assert.Null(request.Data);
    }

    [Theory]
    [InlineData("""{"K":1,"K":2}""", """{"K":2}""")]
    [InlineData("""{"data":{"a":"x"},"data":{"b":"y","b":"z"}}""", """{"data":{"b":"z"}}""")]
    [InlineData("""{"a":"\ud800","\udc00":1}""", "{\"a\":\"\uFFFD\",\"\uFFFD\":1}")]
    public void Request_data_is_read_as_gos_decoder_reads_it(string data, string expected)
    {
        var request = ProtoTranslation.ToRequest(new Pb.Request { Operation = "update", Path = "kv/a", Data = data });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), request.Data), request.Data!.ToJsonString());
    }

    [Fact]
    public void Request_fields_are_carried_over()
    {
        var proto = new Pb.Request
        {
            Id = "id-1", Operation = "update", Path = "kv/a", Data = """{"n":1,"s":"x"}""", MountPoint = "kv/", ClientToken = "t",
            WrapInfo = new Pb.RequestWrapInfo { TTL = 90_000_000_000, Format = "jwt" },
            Secret = new Pb.Secret { InternalData = """{"secret_type":"k"}""", LeaseId = "l", LeaseOptions = new Pb.LeaseOptions { TTL = 1_000_000_000 } },
        };
        proto.Headers["X-A"] = new Pb.Header { Header_ = { "1", "2" } };

        var request = ProtoTranslation.ToRequest(proto);

        Assert.Equal(Operation.Update, request.Operation);
        Assert.Equal(1, (int)request.Data!["n"]!);
        Assert.Equal(["1", "2"], request.Headers["x-a"]);
        Assert.Equal(TimeSpan.FromSeconds(90), request.WrapInfo!.Ttl);
        Assert.Equal("k", (string)request.Secret!.InternalData["secret_type"]!);
        Assert.Equal(TimeSpan.FromSeconds(1), request.Secret.Lease.Ttl);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("{bad")]
    public void Malformed_request_data_is_an_invalid_request(string data)
    {
        var e = Assert.Throws<LogicalException>(() => ProtoTranslation.ToRequest(new Pb.Request { Operation = "read", Path = "p", Data = data }));
        Assert.Equal(ErrorType.InvalidRequest, e.Type);
    }

    [Fact]
    public void Unknown_operation_is_unsupported()
    {
        var e = Assert.Throws<LogicalException>(() => ProtoTranslation.ToRequest(new Pb.Request { Operation = "frob", Path = "p" }));
        Assert.Equal(ErrorType.UnsupportedOperation, e.Type);
    }

    [Fact]
    public void Response_without_data_sends_json_null_and_sets_timestamps()
    {
        var response = new Response { Secret = new Secret { Lease = new LeaseOptions { Ttl = TimeSpan.FromMinutes(1) } } };

        var proto = ProtoTranslation.ToProto(response);

        Assert.Equal("null", proto.Data);
        Assert.Equal(60_000_000_000, proto.Secret.LeaseOptions.TTL);
        Assert.NotNull(proto.Secret.LeaseOptions.IssueTime);
        Assert.True(proto.Secret.LeaseOptions.IssueTime.Seconds > 0);
        Assert.Equal("{}", proto.Secret.InternalData);
    }

    [Fact]
    public void Error_response_is_data_not_an_error()
    {
        var proto = ProtoTranslation.ToProto(Response.Error("bad input"));
        Assert.Equal("""{"error":"bad input"}""", proto.Data);
    }

    [Fact]
    public void Logical_exceptions_keep_type_and_code_others_hide_their_message()
    {
        var coded = ProtoTranslation.ToProtoError(LogicalException.Coded(409, "conflict"));
        Assert.Equal((3u, "conflict", 409L), (coded.ErrType, coded.ErrMsg, coded.ErrCode));

        var crash = ProtoTranslation.ToProtoError(new InvalidOperationException("password=hunter2"));
        Assert.Equal(2u, crash.ErrType);
        Assert.DoesNotContain("hunter2", crash.ErrMsg, StringComparison.Ordinal);
    }

    [Fact]
    public void Special_paths_map_field_by_field()
    {
        var proto = ProtoTranslation.ToProto(new SpecialPaths { Root = ["r"], Binary = ["b"], AllowSnapshotRead = ["s"] });
        Assert.Equal(["r"], proto.Root);
        Assert.Equal(["b"], proto.Binary);
        Assert.Equal(["s"], proto.AllowSnapshotRead);
    }

    [Fact]
    public void Durations_are_nanoseconds()
    {
        Assert.Equal(1_500_000_000L, ProtoTranslation.ToNanoseconds(TimeSpan.FromSeconds(1.5)));
        Assert.Equal(TimeSpan.FromMilliseconds(2), ProtoTranslation.FromNanoseconds(2_000_000));
    }

    [Fact]
    public void Response_data_round_trips_as_object_text()
    {
        var proto = ProtoTranslation.ToProto(Response.WithData(new JsonObject { ["a"] = new JsonArray(1, 2) }));
        Assert.Equal("""{"a":[1,2]}""", proto.Data);
    }
}
