/**
 * @module web/vite-env
 * Vite's client types: lets the web app import its stylesheet and assets.
 */
/// <reference types="vite/client" />
