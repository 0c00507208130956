using System.Collections.Generic;
using System.Linq;
using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Emitting.OpenApi
{
    /// <summary>
    /// The responses a handler declares, as Vault's <c>documentPath</c> writes
    /// <c>OperationProperties.Responses</c> (sdk/framework/openapi.go): one entry per status code
    /// with its description; a response with fields gets the schema <c>&lt;OperationId&gt;Response</c>
    /// (title case) holding them, typed by <c>convertType</c>. Unlike Vault, that schema sits in the
    /// <c>data</c> of Vault's response envelope, as typed results do, and lists required fields.
    /// A typed result keeps its computed 200 unless a 200 is declared.
    /// </summary>
    internal static class OpenApiDeclaredResponses
    {
        public static JsonObj Write(HandlerSpec handler, string operationId, SortedDictionary<string, JsonTree> schemas)
        {
            var responses = new JsonObj();
            var declared = handler.Responses.ToDictionary(r => r.StatusCode);
            var codes = declared.Keys.ToList();
            var typed = handler.ReturnKind == ReturnKind.Typed && handler.ResponseSchemaJson != null && !declared.ContainsKey(200);
            if (typed)
            {
                codes.Add(200);
            }

            foreach (var code in codes.OrderBy(c => c))
            {
                var key = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var name = OpenApiOperationIds.SchemaName(operationId, "Response");
                if (!declared.TryGetValue(code, out var response))
                {
                    schemas[name] = JsonTree.Raw(handler.ResponseSchemaJson!);
                    responses.Set(key, Content("OK", OpenApiEmitter.Envelope(OpenApiEmitter.Ref(name), schemas)));
                    continue;
                }

                if (response.Fields.Count == 0)
                {
                    responses.Set(key, new JsonObj().Set("description", response.Description));
                    continue;
                }

                // Vault names every declared response schema after the operation alone, so a
                // second code with fields would overwrite the first: the others get their code.
                if (codes.Count(c => declared.TryGetValue(c, out var r) && r.Fields.Count > 0) > 1 && code != FirstWithFields(declared))
                {
                    name = OpenApiOperationIds.SchemaName(operationId, "Response" + key);
                }

                schemas[name] = Schema(response);
                responses.Set(key, Content(response.Description, OpenApiEmitter.Envelope(OpenApiEmitter.Ref(name), schemas)));
            }

            return responses;
        }

        private static int FirstWithFields(Dictionary<int, ResponseSpec> declared) =>
            declared.Values.Where(r => r.Fields.Count > 0).Min(r => r.StatusCode);

        private static JsonObj Schema(ResponseSpec response)
        {
            var properties = new JsonObj();
            foreach (var field in response.Fields.OrderBy(f => f.Name, System.StringComparer.Ordinal))
            {
                properties.Set(field.Name, OpenApiFieldSchemas.For(field, withDescription: true));
            }

            var schema = new JsonObj().Set("type", "object").Set("properties", properties);
            var required = response.Fields.Where(f => f.Required).Select(f => f.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToList();
            if (required.Count > 0)
            {
                schema.Set("required", new JsonArr(required.Select(JsonTree.Str)));
            }

            return schema;
        }

        private static JsonObj Content(string description, JsonTree schema) => new JsonObj()
            .Set("description", description)
            .Set("content", new JsonObj().Set("application/json", new JsonObj().Set("schema", schema)));
    }
}
