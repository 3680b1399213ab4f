// M365 Pulse on Azure: a Linux App Service (Node 20) running the bot, the Azure Bot registration with the Teams
// channel, and a storage account kept for scale-out (shared state and leases once more than one instance runs).
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

@maxLength(42)
param botDisplayName string = 'M365 Pulse'

@description('F0 is free for Teams-only bots (the Teams channel is a standard channel).')
param botServiceSku string = 'F0'

@description('BOT_ID: client id of the bot Entra app (single-tenant, created by teamsapp.yml).')
param botAadAppClientId string

@secure()
@description('SECRET_BOT_PASSWORD: client secret of the bot Entra app.')
param botAadAppClientSecret string

@allowed([
  'SingleTenant'
  'MultiTenant'
])
@description('BOT_TYPE. New Azure Bot resources must be SingleTenant (multi-tenant bot creation is deprecated).')
param botType string = 'SingleTenant'

@description('BOT_TENANT_ID: tenant of the bot Entra app (the Microsoft 365 tenant); required for SingleTenant.')
param botTenantId string

@description('AAD_APP_CLIENT_ID: the SSO app (aad.manifest.json) used for on-behalf-of and app-only Graph calls.')
param aadAppClientId string

@secure()
param aadAppClientSecret string

param aadAppTenantId string

param aadAppOauthAuthorityHost string = 'https://login.microsoftonline.com'

@secure()
@description('TOKEN_CACHE_KEY: encrypts the MSAL token cache at rest.')
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

@description('SQLite file; /home is the persistent, writable share of a Linux web app (the package mount is read-only).')
param storePath string = '/home/data/pulse.db'

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
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/src/index.js' // not `npm start`, which runs the offline demo
      alwaysOn: true // the alert scheduler must keep running between chat turns
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
    }
  }
}

// Every runtime variable of src/config (see README), in one place. PORT and HOST are left to App Service; demo and
// test-only keys (DEMO_IDENTITY, MSAL_*_METADATA, the Bot Framework endpoint overrides) are deliberately not set.
// test/app-package/infra.test.ts fails when a config variable is added without deciding which side it is on.
resource appSettings 'Microsoft.Web/sites/config@2022-03-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false' // the deploy step ships built dist/ and node_modules/
    BOT_ID: botAadAppClientId
    BOT_PASSWORD: botAadAppClientSecret
    BOT_TYPE: botType
    BOT_TENANT_ID: botTenantId
    BOT_DOMAIN: webApp.properties.defaultHostName
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_CLIENT_SECRET: aadAppClientSecret
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_OAUTH_AUTHORITY_HOST: aadAppOauthAuthorityHost
    TOKEN_CACHE_KEY: tokenCacheKey
    ALLOWED_TENANTS: allowedTenants
    GRAPH_BASE_URL: graphBaseUrl
    STORE_PATH: storePath
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
    msaAppId: botAadAppClientId
    msaAppType: botType
    msaAppTenantId: botType == 'SingleTenant' ? botTenantId : ''
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

// Not used by a single instance (SQLite on /home); ready for the Azure Blob store and leases when scaling out.
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

// arm/deploy writes these to env/.env.<env>; deploy and the manifest read them.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.properties.primaryEndpoints.blob
