/** The API the Spring example host shares with its plugins. */
package dev.graft.example.spring.api;
