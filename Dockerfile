# Builds and runs the API. docker compose up --build uses it.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Incidents.Api/Incidents.Api.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD ["dotnet", "Incidents.Api.dll", "--health-check", "http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["dotnet", "Incidents.Api.dll"]
