using System.Text.Json.Nodes;
using VaultPathGen.Http;

namespace VaultPathGen.Tests.Http;

public class VaultStatusTests
{
    [Theory]
    [InlineData(Operation.Read, 404)]
    [InlineData(Operation.Header, 404)]
    [InlineData(Operation.List, 404)]
    [InlineData(Operation.Update, 204)]
    [InlineData(Operation.Create, 204)]
    [InlineData(Operation.Delete, 204)]
    [InlineData(Operation.Patch, 204)]
    [InlineData(Operation.Help, 204)]
    public void No_response_and_no_error(Operation operation, int status)
    {
        Assert.Equal(status, VaultStatus.Evaluate(operation, null, null).StatusCode);
    }

    [Fact]
    public void A_response_is_200_whatever_it_holds()
    {
        var outcome = VaultStatus.Evaluate(Operation.Read, new Response(), null);

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(VaultHttpOutcomeKind.Data, outcome.Kind);
        Assert.False(outcome.IsError);
    }

    [Fact]
    public void An_error_with_no_response_starts_at_500_and_with_a_response_at_400()
    {
        var error = new LogicalException(ErrorType.Unknown, "something odd");

        Assert.Equal(500, VaultStatus.Evaluate(Operation.Update, null, error).StatusCode);
        Assert.Equal(400, VaultStatus.Evaluate(Operation.Update, Response.WithData(new JsonObject { ["x"] = 1 }), error).StatusCode);
    }

    [Fact]
    public void An_error_response_replaces_the_errors_text_and_drops_a_coded_status()
    {
        var outcome = VaultStatus.Evaluate(Operation.Update, Response.Error("field x is bad"), LogicalException.Coded(418, "teapot"));

        Assert.Equal(400, outcome.StatusCode);
        Assert.Equal(["field x is bad"], outcome.Errors);
    }

    [Fact]
    public void An_error_response_with_invalid_request_is_400_with_the_responses_text()
    {
        var outcome = VaultStatus.Evaluate(Operation.Update, Response.Error("bad name"), LogicalException.InvalidRequest("ignored"));

        Assert.Equal(400, outcome.StatusCode);
        Assert.Equal(["bad name"], outcome.Errors);
    }

    [Fact]
    public void An_error_response_to_a_list_is_400_not_404()
    {
        var outcome = VaultStatus.Evaluate(Operation.List, Response.Error("cannot list"), null);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Equal(["cannot list"], outcome.Errors);
    }

    [Fact]
    public void Sentinel_kinds_reach_the_client_with_vaults_fixed_text()
    {
        var outcome = VaultStatus.Evaluate(Operation.Read, null, new LogicalException(ErrorType.UnsupportedPath, "no such thing"));

        Assert.Equal(404, outcome.StatusCode);
        Assert.Equal(["unsupported path"], outcome.Errors);
    }

    [Theory]
    [InlineData("upstream rate limited", 502)]
    [InlineData("rate limit quota exceeded", 429)]
    [InlineData("lease count quota exceeded", 429)]
    [InlineData("required index state not present", 412)]
    [InlineData("functionality on this path has been removed", 404)]
    [InlineData("relative paths not supported", 400)]
    [InlineData("invalid credentials", 400)]
    [InlineData("wrapping token is not valid or does not exist", 400)]
    [InlineData("overloaded, try again later", 503)]
    [InlineData("API access to this namespace has been locked by an administrator", 503)]
    [InlineData("http: request body too large", 413)]
    [InlineData("request needs further approval", 500)]
    [InlineData("Permission Denied", 500)]
    public void Error_texts_vault_knows_get_their_status(string message, int status)
    {
        Assert.Equal(status, VaultStatus.Evaluate(Operation.Read, null, new InvalidOperationException(message)).StatusCode);
    }

    [Fact]
    public void A_coded_error_keeps_its_code_over_a_known_text()
    {
        var outcome = VaultStatus.Evaluate(Operation.Read, null, LogicalException.Coded(429, "unsupported path"));

        Assert.Equal(429, outcome.StatusCode);
        Assert.Equal(["unsupported path"], outcome.Errors);
    }

    [Fact]
    public void An_error_response_mentioning_overload_is_503()
    {
        Assert.Equal(503, VaultStatus.Evaluate(Operation.Update, Response.Error("backend says: overloaded, try again later"), null).StatusCode);
    }

    [Fact]
    public void An_error_whose_value_is_not_text_is_400_with_no_message()
    {
        var response = Response.WithData(new JsonObject { ["error"] = 7 });

        var outcome = VaultStatus.Evaluate(Operation.Read, response, null);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Empty(outcome.Errors);
    }

    [Fact]
    public void A_null_error_value_is_not_an_error_response()
    {
        var response = Response.WithData(new JsonObject { ["error"] = null });

        Assert.False(VaultStatus.IsVaultError(response));
        Assert.Equal(200, VaultStatus.Evaluate(Operation.Read, response, null).StatusCode);
    }

    [Fact]
    public void A_wrapped_list_is_not_checked_for_keys()
    {
        var response = new Response { WrapInfo = new ResponseWrapInfo { Token = "t" } };

        Assert.Equal(200, VaultStatus.Evaluate(Operation.List, response, null).StatusCode);
    }

    [Fact]
    public void A_list_with_a_non_array_keys_value_is_500()
    {
        var response = Response.WithData(new JsonObject { ["keys"] = "a" });

        Assert.Equal(500, VaultStatus.Evaluate(Operation.List, response, null).StatusCode);
    }

    [Fact]
    public void A_list_with_null_keys_and_other_data_is_200()
    {
        var response = Response.WithData(new JsonObject { ["keys"] = null, ["x"] = 1 });

        Assert.Equal(200, VaultStatus.Evaluate(Operation.List, response, null).StatusCode);
    }

    [Fact]
    public void A_404_list_sends_the_data_field_next_to_the_empty_errors()
    {
        var response = Response.WithData(new JsonObject { ["keys"] = new JsonArray(), ["data"] = "d" });

        var outcome = VaultStatus.Evaluate(Operation.List, response, null);

        Assert.Equal(404, outcome.StatusCode);
        Assert.Equal("""{"errors":[],"data":"d"}""", outcome.ErrorBody()!.ToJsonString());
    }

    [Fact]
    public void Help_only_fails_on_an_error()
    {
        Assert.Equal(200, VaultStatus.Evaluate(Operation.Help, Response.Error("x"), null).StatusCode);
        Assert.Equal(405, VaultStatus.Evaluate(Operation.Help, null, LogicalException.UnsupportedOperation()).StatusCode);
    }

    [Fact]
    public void A_redirect_on_a_list_without_keys_is_still_404()
    {
        var response = new Response { Redirect = "https://example" };

        Assert.Equal(404, VaultStatus.Evaluate(Operation.List, response, null).StatusCode);
        Assert.Equal(307, VaultStatus.Evaluate(Operation.Read, response, null).StatusCode);
    }

    [Theory]
    [InlineData("""{"http_status_code": 204}""", 204, null)]
    [InlineData("""{"http_status_code": 200}""", 500, "no content type given")]
    [InlineData("""{"http_status_code": "200", "http_content_type": "text/plain"}""", 500, "cannot decode status code")]
    [InlineData("""{"http_status_code": 200, "http_content_type": 5}""", 500, "cannot decode content type")]
    [InlineData("""{"http_status_code": 200, "http_content_type": "text/plain", "http_raw_body": 5}""", 500, "cannot decode body")]
    [InlineData("""{"http_status_code": 201.9, "http_content_type": "text/plain", "http_raw_body": "not base64!"}""", 201, null)]
    public void Raw_responses(string data, int status, string? rawError)
    {
        var response = Response.WithData((JsonObject)JsonNode.Parse(data)!);

        var outcome = VaultStatus.Evaluate(Operation.Read, response, null);

        Assert.Equal(VaultHttpOutcomeKind.Raw, outcome.Kind);
        Assert.Equal(status, outcome.StatusCode);
        Assert.Equal(rawError, outcome.Raw!.RawError);
    }

    [Fact]
    public void A_raw_body_that_is_not_base64_is_sent_as_text()
    {
        var response = Response.WithData(new JsonObject
        {
            ["http_status_code"] = 200,
            ["http_content_type"] = "text/plain",
            ["http_raw_body"] = "héllo",
            ["http_raw_cache_control"] = "no-cache",
        });

        var raw = VaultStatus.Evaluate(Operation.Read, response, null).Raw!;

        Assert.Equal("héllo", System.Text.Encoding.UTF8.GetString(raw.Body));
        Assert.Equal("no-cache", raw.Headers["Cache-Control"]);
    }

    [Fact]
    public void A_raw_response_cannot_carry_a_secret()
    {
        var response = Response.WithData(new JsonObject { ["http_status_code"] = 200, ["http_content_type"] = "text/plain" });
        response.Secret = new Secret();

        var outcome = VaultStatus.Evaluate(Operation.Read, response, null);

        Assert.Equal(500, outcome.StatusCode);
        Assert.Equal("raw responses cannot contain secrets or auth", outcome.Raw!.RawError);
    }

    [Fact]
    public void Describe_reports_what_reaches_vault()
    {
        Assert.Equal((ErrorType.InvalidRequest, "invalid request", 0), VaultStatus.Describe(LogicalException.InvalidRequest("mine")));
        Assert.Equal((ErrorType.CodedError, "mine", 409), VaultStatus.Describe(LogicalException.Coded(409, "mine")));
        Assert.Equal((ErrorType.Unknown, "mine", 0), VaultStatus.Describe(new IOException("mine")));
    }
}
