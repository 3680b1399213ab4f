// M365 Pulse on Azure: a Linux App Service (Node 22 LTS) running the bot under a user-assigned managed identity, the
// Azure Bot registration (that identity is the bot's app id: no bot password exists), a Key Vault holding the two
// secrets the bot still needs, and the storage account that holds the bot's state (STORE=azure-blob).
// Deployed by `teamsapp provision` (arm/deploy in teamsapp.yml) with infra/azure.parameters.json, whose ${{VAR}}
// placeholders the toolkit fills from env/.env.<env> and env/.env.<env>.user. Outputs are written back to env/.env.<env>.

@maxLength(20)
@minLength(4)
@description('Prefix of every resource name, e.g. pulse + RESOURCE_SUFFIX.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest with Always On, which proactive alerts need.')
param webAppSku string = 'B1'

@description('Globally unique name of the web app (its host name becomes BOT_DOMAIN) and of the Azure Bot.')
param uniqueName string = '${resourceBaseName}-${take(uniqueString(resourceGroup().id), 6)}'

@maxLength(24)
@description('Globally unique name of the Key Vault (3-24 letters, digits and hyphens).')
param keyVaultName string = 'kv${uniqueString(resourceGroup().id, resourceBaseName)}'

@maxLength(42)
param botDisplayName string = 'M365 Pulse'

@description('F0 is free for Teams-only bots (the Teams channel is a standard channel).')
param botServiceSku string = 'F0'

@description('AAD_APP_CLIENT_ID: the SSO app (aad.manifest.json) used for on-behalf-of and app-only Graph calls.')
param aadAppClientId string

@secure()
@description('SECRET_AAD_APP_CLIENT_SECRET: stored in the Key Vault, never as an app setting value.')
param aadAppClientSecret string

param aadAppTenantId string

param aadAppOauthAuthorityHost string = 'https://login.microsoftonline.com'

@secure()
@description('SECRET_TOKEN_CACHE_KEY: encrypts the MSAL token cache at rest; stored in the Key Vault.')
param tokenCacheKey string

@description('ALLOWED_TENANTS: comma-separated tenant ids the bot serves (required when BOT_ID is set).')
param allowedTenants string

param graphBaseUrl string = 'https://graph.microsoft.com'

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

// The bot's identity: its client id is BOT_ID (msaAppId of the Azure Bot), and the same identity reads the Key Vault
// secrets and the storage account. Nothing to rotate, nothing to leak.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2022-03-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2022-03-01' = {
  name: uniqueName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id // Key Vault references resolve with the bot's identity
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/src/index.js' // not `npm start`, which runs the offline demo
      alwaysOn: true // the alert scheduler must keep running between chat turns
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
    }
  }
}

// Secrets live here; the web app's settings only name them (@Microsoft.KeyVault(SecretUri=...)), and App Service
// fetches them with the bot's identity, which may read these two secrets and nothing else.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true // a deleted vault keeps its name for 7 days: `az keyvault purge` before reusing it
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled' // App Service's Key Vault references need no private endpoint; RBAC guards it
  }
}

resource aadAppClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'aad-app-client-secret'
  properties: {
    value: aadAppClientSecret
    contentType: 'AAD_APP_CLIENT_SECRET'
  }
}

resource tokenCacheKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'token-cache-key'
  properties: {
    value: tokenCacheKey
    contentType: 'TOKEN_CACHE_KEY'
  }
}

var keyVaultSecretsUser = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4633458b-17de-408a-b874-0445c86b69e6'
)

// Get on each secret, scoped to the secret itself rather than the vault.
resource aadAppClientSecretRead 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: aadAppClientSecretSecret
  name: guid(aadAppClientSecretSecret.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tokenCacheKeyRead 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: tokenCacheKeySecret
  name: guid(tokenCacheKeySecret.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The bot's state: one JSON blob per key and blob leases for the monitor partitions (docs/deploy.md). App Service's
// /home is an Azure Storage network share, where SQLite's WAL mode is unsafe, so the web app never uses SQLite.
resource storage 'Microsoft.Storage/storageAccounts@2022-09-01' = {
  name: 'st${uniqueString(resourceGroup().id, resourceBaseName)}'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // Entra ID only: the bot's identity, no account keys
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2022-09-01' = {
  parent: storage
  name: 'default'
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2022-09-01' = {
  parent: blobService
  name: 'm365-pulse' // the default AZURE_STORAGE_CONTAINER
  properties: {
    publicAccess: 'None'
  }
}

var blobDataContributor = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
)

// Read, write, list and delete blobs and take blob leases, in this account only.
resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, blobDataContributor)
  properties: {
    roleDefinitionId: blobDataContributor
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Every runtime variable of src/config (see README), in one place. PORT and HOST are left to App Service; demo and
// test-only keys (DEMO_IDENTITY, MSAL_*_METADATA, the Bot Framework endpoint overrides) are deliberately not set.
// No secret is a value here: the two secrets are Key Vault references, and the bot has no password.
// test/app-package/infra.test.ts fails when a config variable is added without deciding which side it is on.
resource appSettings 'Microsoft.Web/sites/config@2022-03-01' = {
  parent: webApp
  name: 'appsettings'
  dependsOn: [
    aadAppClientSecretRead
    tokenCacheKeyRead
    blobRole
  ]
  properties: {
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false' // the deploy step ships built dist/ and node_modules/
    BOT_ID: identity.properties.clientId
    BOT_TYPE: 'UserAssignedMsi'
    BOT_TENANT_ID: identity.properties.tenantId
    BOT_DOMAIN: webApp.properties.defaultHostName
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${aadAppClientSecretSecret.properties.secretUri})'
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_OAUTH_AUTHORITY_HOST: aadAppOauthAuthorityHost
    TOKEN_CACHE_KEY: '@Microsoft.KeyVault(SecretUri=${tokenCacheKeySecret.properties.secretUri})'
    ALLOWED_TENANTS: allowedTenants
    GRAPH_BASE_URL: graphBaseUrl
    STORE: 'azure-blob'
    AZURE_STORAGE_ACCOUNT_URL: storage.properties.primaryEndpoints.blob
    AZURE_STORAGE_CONTAINER: stateContainer.name
    AZURE_CLIENT_ID: identity.properties.clientId
    LOG_LEVEL: logLevel
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: uniqueName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// arm/deploy writes these to env/.env.<env>; deploy, aadApp/update and the manifest read them.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.properties.primaryEndpoints.blob
output AZURE_KEY_VAULT_NAME string = vault.name
