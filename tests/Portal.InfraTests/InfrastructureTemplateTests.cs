using System.Text.Json.Nodes;

namespace Portal.InfraTests;

/// <summary>What the compiled template deploys: the security posture and the resources the app uses.</summary>
public sealed class InfrastructureTemplateTests(BicepFixture bicep) : IClassFixture<BicepFixture>
{
    private ArmTemplate Template => bicep.Template;

    [Fact]
    public void Template_targets_the_subscription_and_takes_the_azd_parameters()
    {
        Assert.Contains("subscriptionDeploymentTemplate", (string?)Template.Root["$schema"], StringComparison.Ordinal);
        var parameters = Template.Root["parameters"]!.AsObject();
        foreach (var name in new[] { "environmentName", "location", "principalId", "allowedOrigins", "entraTenantId", "entraClientId", "clinicName", "clinicTimeZone", "smsFromNumber", "emailSenderAddress", "emailCustomDomain" })
        {
            Assert.True(parameters.ContainsKey(name), $"main.bicep has no parameter '{name}'");
        }

        // Every parameter azd should fill is wired in main.parameters.json.
        var file = JsonNode.Parse(File.ReadAllText(Repository.PathOf("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        Assert.Equal("${AZURE_ENV_NAME}", (string?)file["environmentName"]?["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)file["location"]?["value"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", (string?)file["principalId"]?["value"]);
        foreach (var (name, _) in file)
        {
            Assert.True(parameters.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare");
        }

        // A parameter without a default must come from the azd environment, or azd up cannot run unattended.
        foreach (var (name, definition) in parameters)
        {
            if (definition?["defaultValue"] is null)
            {
                Assert.True(file.ContainsKey(name), $"main.bicep parameter '{name}' has no default and is not in main.parameters.json");
            }
        }
    }

    [Fact]
    public void Function_app_is_flex_consumption_dotnet_10_with_a_user_assigned_identity()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);

        var site = Template.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]?["type"]);
        Assert.Equal("api", site["tags"] is JsonObject tags ? (string?)tags["azd-service-name"] : TagFromUnion(site));

        var properties = site["properties"]!;
        Assert.True((bool?)properties["httpsOnly"]);
        Assert.NotNull((string?)properties["keyVaultReferenceIdentity"]);
        Assert.Equal("1.2", (string?)properties["siteConfig"]?["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)properties["siteConfig"]?["ftpsState"]);
        Assert.NotNull(properties["siteConfig"]?["cors"]?["allowedOrigins"]);

        var config = properties["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]?["version"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]?["storage"]?["authentication"]?["type"]);

        var policies = Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToArray();
        Assert.Equal(2, policies.Length);
        Assert.All(policies, p => Assert.False((bool?)p["properties"]?["allow"]));
    }

    [Fact]
    public void Storage_rejects_shared_keys_and_keeps_deleted_data()
    {
        var storage = Template.Single("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool?)storage["allowSharedKeyAccess"]);
        Assert.False((bool?)storage["allowBlobPublicAccess"]);
        Assert.True((bool?)storage["supportsHttpsTrafficOnly"]);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);

        var blob = Template.Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        Assert.True((bool?)blob["isVersioningEnabled"]);
        Assert.True((bool?)blob["deleteRetentionPolicy"]?["enabled"]);
        Assert.True((bool?)blob["containerDeleteRetentionPolicy"]?["enabled"]);
    }

    [Fact]
    public void Storage_has_the_containers_queues_and_tables_the_app_uses()
    {
        var variables = Template.Root["variables"]!;
        Assert.Superset(new HashSet<string> { "documents", "attachments", "lab-messages", "exports" }, Strings(variables["blobContainers"]));
        Assert.Equal(new HashSet<string> { "notifications", "notifications-poison", "lab-results", "lab-results-poison" }, Strings(variables["storageQueues"]));
        Assert.Equal(new HashSet<string> { "Charts", "Lookups", "AuditLog", "Idempotency", "Schedule" }, Strings(variables["storageTables"]));
    }

    [Fact]
    public void Record_exports_are_deleted_a_week_after_they_are_written_versions_included()
    {
        var storage = Module("storage")["properties"]!;
        Assert.Equal(["exports"], storage["parameters"]!["expiringContainers"]!["value"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(7, (int?)storage["template"]!["parameters"]!["expiringAfterDays"]!["defaultValue"]);
        var rule = Template.Single("Microsoft.Storage/storageAccounts/managementPolicies")["properties"]!["policy"]!["rules"]!.AsArray().Single()!;
        Assert.Equal("Lifecycle", (string?)rule["type"]);
        var actions = rule["definition"]!["actions"]!;
        Assert.NotNull(actions["baseBlob"]?["delete"]?["daysAfterCreationGreaterThan"]);
        Assert.NotNull(actions["version"]?["delete"]?["daysAfterCreationGreaterThan"]);
    }

    [Fact]
    public void Service_bus_queue_dead_letters_detects_duplicates_and_labs_can_only_send()
    {
        var queue = Template.Single("Microsoft.ServiceBus/namespaces/queues")["properties"]!;
        Assert.True((bool?)queue["deadLetteringOnMessageExpiration"]);
        Assert.True((bool?)queue["requiresDuplicateDetection"]);
        Assert.NotNull(queue["maxDeliveryCount"]);

        var rule = Template.Single("Microsoft.ServiceBus/namespaces/queues/authorizationRules");
        Assert.Equal(["Send"], rule["properties"]!["rights"]!.AsArray().Select(r => (string?)r));

        Assert.Equal("Standard", (string?)Template.Single("Microsoft.ServiceBus/namespaces")["sku"]?["name"]);
    }

    [Fact]
    public void Key_vault_uses_rbac_and_monitoring_and_acs_have_local_auth_disabled()
    {
        var vault = Template.Single("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True((bool?)vault["enableRbacAuthorization"]);
        Assert.True((bool?)vault["enableSoftDelete"]);
        Assert.Empty(Template.OfType("Microsoft.KeyVault/vaults/secrets"));

        Assert.True((bool?)Template.Single("Microsoft.Insights/components")["properties"]?["DisableLocalAuth"]);
        Assert.True((bool?)Template.Single("Microsoft.Communication/communicationServices")["properties"]?["disableLocalAuth"]);
        Assert.True((bool?)Template.Single("Microsoft.OperationalInsights/workspaces")["properties"]?["features"]?["disableLocalAuth"]);
    }

    [Fact]
    public void Email_service_has_an_azure_managed_domain_without_tracking_linked_to_acs()
    {
        var service = Template.Single("Microsoft.Communication/emailServices");
        Assert.Equal("global", (string?)service["location"]);

        // The e-mail service and ACS keep data in the same geography (linking requires it): one parameter feeds both.
        Assert.Equal("[parameters('acsDataLocation')]", (string?)Module("email")["properties"]?["parameters"]?["dataLocation"]?["value"]);
        Assert.Equal("[parameters('acsDataLocation')]", (string?)Module("communication")["properties"]?["parameters"]?["dataLocation"]?["value"]);
        Assert.Equal("[parameters('dataLocation')]", (string?)service["properties"]?["dataLocation"]);

        var domains = Template.OfType("Microsoft.Communication/emailServices/domains").ToArray();
        var managed = Assert.Single(domains, d => ((string?)d["name"])?.Contains("'AzureManagedDomain'", StringComparison.Ordinal) == true);
        Assert.Equal("global", (string?)managed["location"]);
        Assert.Equal("AzureManaged", (string?)managed["properties"]?["domainManagement"]);

        // No open-tracking pixels or rewritten links in patients' mail, whichever domain sends it.
        Assert.All(domains, d => Assert.Equal("Disabled", (string?)d["properties"]?["userEngagementTracking"]));

        // ACS sends from the domains main.bicep links, and the managed domain is always among them.
        Assert.Equal("[parameters('linkedDomains')]", (string?)Template.Single("Microsoft.Communication/communicationServices")["properties"]?["linkedDomains"]);
        Assert.Equal(
            "[resourceId('Microsoft.Communication/emailServices/domains', parameters('name'), 'AzureManagedDomain')]",
            (string?)ModuleOutput("email", "managedDomainId"));
        var linked = (string?)Module("communication")["properties"]?["parameters"]?["linkedDomains"];
        Assert.NotNull(linked);
        Assert.StartsWith("[if(variables('sendsFromCustomDomain'), ", linked, StringComparison.Ordinal);
        Assert.Equal(2, Occurrences(linked, ".outputs.managedDomainId.value"));
        Assert.Equal(1, Occurrences(linked, ".outputs.customDomainId.value"));
    }

    [Fact]
    public void A_custom_email_domain_is_optional_customer_managed_and_linked_only_with_its_sender()
    {
        var custom = Assert.Single(
            Template.OfType("Microsoft.Communication/emailServices/domains"),
            d => (string?)d["properties"]?["domainManagement"] == "CustomerManaged");
        Assert.Equal("[variables('hasCustomDomain')]", (string?)custom["condition"]);
        Assert.Contains("parameters('customDomainName')", (string?)custom["name"], StringComparison.Ordinal);
        Assert.Equal("[parameters('emailCustomDomain')]", (string?)Module("email")["properties"]?["parameters"]?["customDomainName"]?["value"]);

        // Linked only when the sender address is on that domain (it must be verified by then).
        var rule = (string?)Template.Root["variables"]?["sendsFromCustomDomain"];
        Assert.NotNull(rule);
        Assert.Contains("not(empty(parameters('emailCustomDomain')))", rule, StringComparison.Ordinal);
        Assert.Contains("endsWith(toLower(parameters('emailSenderAddress')), format('@{0}', toLower(parameters('emailCustomDomain'))))", rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_sender_address_is_the_managed_domains_do_not_reply_unless_overridden()
    {
        // The module builds DoNotReply@<mailFromSenderDomain> of the managed domain.
        var managedSender = (string?)ModuleOutput("email", "managedSenderAddress");
        Assert.NotNull(managedSender);
        Assert.StartsWith("[format('DoNotReply@{0}', reference(resourceId('Microsoft.Communication/emailServices/domains', parameters('name'), 'AzureManagedDomain')", managedSender, StringComparison.Ordinal);
        Assert.EndsWith(".mailFromSenderDomain)]", managedSender, StringComparison.Ordinal);

        // main.bicep hands the app the override, else that address ...
        var passed = (string?)Module("api")["properties"]?["parameters"]?["emailSenderAddress"];
        Assert.NotNull(passed);
        Assert.StartsWith("[if(empty(parameters('emailSenderAddress')), ", passed, StringComparison.Ordinal);
        Assert.Contains("'email'), '", passed, StringComparison.Ordinal);
        Assert.Contains(".outputs.managedSenderAddress.value", passed, StringComparison.Ordinal);
        Assert.EndsWith("createObject('value', parameters('emailSenderAddress')))]", passed, StringComparison.Ordinal);

        // ... api.bicep writes it to Email__senderAddress, and azd shows it.
        Assert.Equal("[parameters('emailSenderAddress')]", Template.FunctionAppSettings()["Email__senderAddress"]);
        var output = (string?)Template.Root["outputs"]?["AZURE_EMAIL_SENDER_ADDRESS"]?["value"];
        Assert.NotNull(output);
        Assert.StartsWith("[if(empty(parameters('emailSenderAddress')), ", output, StringComparison.Ordinal);
        Assert.Contains(".outputs.managedSenderAddress.value", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_assignments_use_the_verified_built_in_roles()
    {
        // Built-in role definition IDs (the same in every tenant), checked against Microsoft's list.
        var expected = new Dictionary<string, string>
        {
            ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
            ["ba92f5b4-2d11-453d-a403-e96b0029c9fe"] = "Storage Blob Data Contributor",
            ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
            ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
            ["4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0"] = "Azure Service Bus Data Receiver",
            ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
            ["b86a8fe4-44ce-4948-aee5-eccb2c155cd7"] = "Key Vault Secrets Officer",
            ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
            ["09976791-48a7-449e-bb21-39d1a415f350"] = "Communication and Email Service Owner",
        };

        var roles = Template.Resources
            .Where(r => r["variables"]?["roles"] is JsonObject)
            .SelectMany(r => r["variables"]!["roles"]!.AsObject())
            .Select(p => (string?)p.Value)
            .ToList();
        // Variables live on the nested template, not on the resource: look there too.
        roles.AddRange(NestedVariables("roles"));

        Assert.NotEmpty(roles);
        Assert.All(roles, id => Assert.True(expected.ContainsKey(id!), $"unverified role definition id {id}"));
        Assert.Equal(expected.Keys.Order(), roles.Distinct().Order()!);
        Assert.NotEmpty(Template.OfType("Microsoft.Authorization/roleAssignments"));
    }

    private JsonObject Module(string name) =>
        Template.OfType("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name);

    private JsonNode? ModuleOutput(string module, string output) =>
        Module(module)["properties"]?["template"]?["outputs"]?[output]?["value"];

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private IEnumerable<string?> NestedVariables(string name) =>
        Template.OfType("Microsoft.Resources/deployments")
            .Select(d => d["properties"]?["template"]?["variables"]?[name])
            .OfType<JsonObject>()
            .SelectMany(o => o.Select(p => (string?)p.Value));

    private static string? TagFromUnion(JsonObject site) =>
        ((string?)site["tags"])?.Contains("'azd-service-name'", StringComparison.Ordinal) == true ? "api" : null;

    private static HashSet<string> Strings(JsonNode? array) =>
        [.. array!.AsArray().Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n!.ToJsonString())];
}
